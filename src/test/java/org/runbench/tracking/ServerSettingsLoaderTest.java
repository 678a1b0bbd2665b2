package org.runbench.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerSettingsLoaderTest {

    @TempDir
    Path home;

    private void writeConfig(String fileHost, String fileKey) throws IOException {
        Files.writeString(home.resolve("clearml.conf"), "api {\n  api_server: " + fileHost + "\n"
                + "  credentials {\"access_key\": \"" + fileKey + "\", \"secret_key\": \"file-secret\"}\n}\n");
    }

    /** Each row: which sources are set (file always), and which host and key must win. */
    @ParameterizedTest(name = "clearml={0} trains={1} cli={2} -> {3}")
    @CsvSource({
            "false, false, false, http://file:8008, FILEKEY",
            "false, true,  false, http://trains:8008, TRAINSKEY",
            "true,  false, false, http://clearml:8008, CLEARMLKEY",
            "true,  true,  false, http://clearml:8008, CLEARMLKEY",
            "true,  true,  true,  http://cli:8008, CLIKEY",
            "false, false, true,  http://cli:8008, CLIKEY",
    })
    void precedenceTable(boolean clearmlEnv, boolean trainsEnv, boolean commandLine, String expectedHost,
                         String expectedKey) throws IOException {
        writeConfig("http://file:8008", "FILEKEY");
        Map<String, String> env = new HashMap<>();
        if (clearmlEnv) {
            env.put("CLEARML_API_HOST", "http://clearml:8008");
            env.put("CLEARML_API_ACCESS_KEY", "CLEARMLKEY");
            env.put("CLEARML_API_SECRET_KEY", "clearml-secret");
        }
        if (trainsEnv) {
            env.put("TRAINS_API_HOST", "http://trains:8008");
            env.put("TRAINS_API_ACCESS_KEY", "TRAINSKEY");
            env.put("TRAINS_API_SECRET_KEY", "trains-secret");
        }
        SettingsOverrides overrides = commandLine
                ? new SettingsOverrides("http://cli:8008", "CLIKEY", "cli-secret") : SettingsOverrides.NONE;

        ServerSettings settings = new ServerSettingsLoader(env, home).loadDefault(overrides);

        assertThat(settings.apiHost()).isEqualTo(expectedHost);
        assertThat(settings.accessKey()).isEqualTo(expectedKey);
    }

    @Test
    void clearmlInitFileWithUnquotedUrlsIsRead() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/tracking/conf/clearml-init.conf")) {
            Files.copy(in, home.resolve("clearml.conf"));
        }

        ServerSettings settings = new ServerSettingsLoader(Map.of(), home).loadDefault(SettingsOverrides.NONE);

        assertThat(settings.apiHost()).isEqualTo("http://localhost:8008");
        assertThat(settings.webHost()).isEqualTo("http://localhost:8080");
        assertThat(settings.filesHost()).isEqualTo("http://localhost:8081");
        assertThat(settings.accessKey()).isEqualTo("FILEKEY0123456789");
        assertThat(settings.secretKey()).isEqualTo("file-secret-abcdef0123456789");
        assertThat(settings.verifyCertificate()).isTrue();
        assertThat(settings.key()).isEqualTo("localhost:8008");
    }

    @Test
    void inlineUnquotedUrlIsQuoted() {
        String text = "api { api_server: https://api.example.com/, web_server = https://app.example.com }";

        assertThat(HoconText.quoteUnquotedUrls(text))
                .isEqualTo("api { api_server: \"https://api.example.com/\", web_server = \"https://app.example.com\" }");
    }

    @Test
    void trainsConfIsMergedUnderClearmlConf() throws IOException {
        Files.writeString(home.resolve("trains.conf"), "api { api_server: http://old:8008\n web_server: http://oldweb:9000 }\n");
        writeConfig("http://new:8008", "NEWKEY");

        ServerSettings settings = new ServerSettingsLoader(Map.of(), home).loadDefault(SettingsOverrides.NONE);

        assertThat(settings.apiHost()).isEqualTo("http://new:8008");
        assertThat(settings.webHost()).isEqualTo("http://oldweb:9000");
    }

    @Test
    void missingNamedFileIsReportedWithItsPath() {
        Path missing = home.resolve("nowhere/clearml.conf");
        ServerSettingsLoader loader = new ServerSettingsLoader(Map.of("CLEARML_CONFIG_FILE", missing.toString()), home);

        assertThatThrownBy(() -> loader.loadDefault(SettingsOverrides.NONE))
                .isInstanceOf(SettingsException.class)
                .hasMessage("The ClearML config file " + missing + " named by CLEARML_CONFIG_FILE does not exist. "
                        + "Fix the variable or run clearml-init to create the file.");
    }

    @Test
    void unconfiguredServerIsReported() {
        ServerSettingsLoader loader = new ServerSettingsLoader(Map.of(), home);

        assertThatThrownBy(() -> loader.loadDefault(SettingsOverrides.NONE))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(home.resolve("clearml.conf") + " (not found)")
                .hasMessageEndingWith("Run clearml-init, or pass --access-key and --secret-key.");
    }

    @Test
    void syntaxErrorNamesFileAndLine() throws IOException {
        Path file = home.resolve("clearml.conf");
        Files.writeString(file, "api {\n  api_server: \"http://h:8008\"\n  credentials { access_key: [ }\n}\n");
        ServerSettingsLoader loader = new ServerSettingsLoader(Map.of(), home);

        assertThatThrownBy(() -> loader.loadDefault(SettingsOverrides.NONE))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("The ClearML config file " + file + " has a syntax error on line 3: ")
                .hasMessageEndingWith("Fix that line (HOCON syntax), or set CLEARML_CONFIG_FILE to another file.");
    }

    @Test
    void brokenSdkSectionStillYieldsApiSettings() throws IOException {
        Files.writeString(home.resolve("clearml.conf"), "api {\n api_server: http://h:8008\n"
                + " credentials {\"access_key\": \"K\", \"secret_key\": \"S\"}\n}\nsdk {\n  broken: [ \n}\n");

        ServerSettings settings = new ServerSettingsLoader(Map.of(), home).loadDefault(SettingsOverrides.NONE);

        assertThat(settings.apiHost()).isEqualTo("http://h:8008");
    }

    @Test
    void verifyCertificateFromEnvironmentOverridesFile() throws IOException {
        Files.writeString(home.resolve("clearml.conf"), "api { api_server: https://h\n verify_certificate: true\n"
                + " credentials {access_key: K, secret_key: S} }\n");
        ServerSettingsLoader loader = new ServerSettingsLoader(Map.of("CLEARML_API_HOST_VERIFY_CERT", "false"), home);

        assertThat(loader.loadDefault(SettingsOverrides.NONE).verifyCertificate()).isFalse();
    }

    @Test
    void verifyCertificatePathBecomesCaBundle() throws IOException {
        Files.writeString(home.resolve("clearml.conf"), "api { api_server: https://h\n verify_certificate: ~/ca.pem\n"
                + " credentials {access_key: K, secret_key: S} }\n");

        ServerSettings settings = new ServerSettingsLoader(Map.of(), home).loadDefault(SettingsOverrides.NONE);

        assertThat(settings.verifyCertificate()).isTrue();
        assertThat(settings.caBundle()).isEqualTo(home.resolve("ca.pem"));
    }

    @Test
    void authTokenReplacesKeyAndSecret() {
        Map<String, String> env = Map.of("CLEARML_API_HOST", "http://h:8008", "CLEARML_AUTH_TOKEN", "a.b.c");

        ServerSettings settings = new ServerSettingsLoader(env, home).loadDefault(SettingsOverrides.NONE);

        assertThat(settings.authToken()).isEqualTo("a.b.c");
        assertThat(settings.hasCredentials()).isTrue();
    }

    @Test
    void hostedDefaultUsedOnlyWithoutHost() {
        Map<String, String> env = Map.of("CLEARML_API_ACCESS_KEY", "K", "CLEARML_API_SECRET_KEY", "S");

        ServerSettings settings = new ServerSettingsLoader(env, home).loadDefault(SettingsOverrides.NONE);

        assertThat(settings.apiHost()).isEqualTo("https://api.clear.ml");
        assertThat(settings.webHost()).isEqualTo("https://app.clear.ml");
        assertThat(settings.filesHost()).isEqualTo("https://files.clear.ml");
        assertThat(settings.key()).isEqualTo("api.clear.ml");
    }

    @Test
    void extraServersFollowTheDefault() throws IOException {
        writeConfig("http://file:8008", "FILEKEY");
        Path servers = home.resolve("servers.conf");
        Files.writeString(servers, "servers = [\n  { name = lab, api_server = https://api.lab.example:443/, "
                + "access_key = LABKEY, secret_key = lab-secret }\n]\n");

        List<ServerSettings> all = new ServerSettingsLoader(Map.of(), home).loadAll(SettingsOverrides.NONE, servers);

        assertThat(all).extracting(ServerSettings::key).containsExactly("file:8008", "lab");
        assertThat(all.get(1).apiHost()).isEqualTo("https://api.lab.example:443");
        assertThat(all.get(1).webHost()).isEqualTo("https://app.lab.example:443");
    }

    @Test
    void serverEntryWithoutSecretIsRejected() throws IOException {
        Path servers = home.resolve("servers.conf");
        Files.writeString(servers, "servers = [ { api_server = \"https://x\", access_key = K } ]\n");
        ServerSettingsLoader loader = new ServerSettingsLoader(Map.of(), home);

        assertThatThrownBy(() -> loader.loadAll(SettingsOverrides.NONE, servers))
                .hasMessage("The server entry for https://x in " + servers
                        + " lacks access_key or secret_key. Add both, as clearml-init shows them.");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://localhost:8008, localhost:8008",
            "HTTPS://API.Example.com:443/, api.example.com",
            "https://host.example/clearml/api/, host.example/clearml/api",
            "http://10.0.0.5:80, 10.0.0.5",
    })
    void serverKeyNormalisesUrl(String url, String key) {
        assertThat(ServerSettings.keyOf(url)).isEqualTo(key);
    }

    @Test
    void toStringHidesSecrets() {
        ServerSettings settings = new ServerSettings(null, "http://h:8008", null, null, "ACCESSKEY123",
                "very-secret-value", "token.part.sig", true, null, "test");

        assertThat(settings.toString())
                .doesNotContain("very-secret-value")
                .doesNotContain("token.part.sig")
                .doesNotContain("ACCESSKEY123")
                .contains("ACCE…");
        assertThat(new SettingsOverrides(null, "AK", "very-secret-value").toString()).doesNotContain("very-secret-value");
    }
}
