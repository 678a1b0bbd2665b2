package org.runbench.tracking;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads ClearML server settings the way the ClearML SDK does, plus extra servers from a Runbench file.
 *
 * <p>The default server comes from, in falling order of precedence: the command-line overrides; the
 * {@code CLEARML_*} environment variables (each falling back to its older {@code TRAINS_*} name); the
 * config file; built-in defaults. The config file is the one named by {@code CLEARML_CONFIG_FILE} (or
 * {@code TRAINS_CONFIG_FILE}) if set, otherwise {@code ~/trains.conf} and {@code ~/clearml.conf} merged,
 * {@code clearml.conf} winning. {@code CLEARML_AUTH_TOKEN}, when set, replaces key and secret.
 *
 * <p>Further servers are listed in a Runbench servers file (HOCON), each entry with its own hosts and
 * credentials and an optional {@code name} that becomes its server key:
 * <pre>
 * servers = [
 *   { name = "lab", api_server = "https://api.lab.example", access_key = "…", secret_key = "…" }
 * ]
 * </pre>
 * The command-line overrides apply to the default server only.
 *
 * <p>The environment and the home folder are passed in, so tests never read the real ones. Instances
 * are immutable and thread-safe; every call reads the files again.
 */
public final class ServerSettingsLoader {

    /** The SDK's default API server, used only when credentials exist but no host is configured. */
    public static final String HOSTED_API_HOST = "https://api.clear.ml";

    private static final Logger LOG = LoggerFactory.getLogger(ServerSettingsLoader.class);

    private final Map<String, String> environment;
    private final Path homeDirectory;

    /**
     * @param environment   environment variables, usually {@code System.getenv()}
     * @param homeDirectory the user's home folder, where {@code clearml.conf} is looked up
     */
    public ServerSettingsLoader(Map<String, String> environment, Path homeDirectory) {
        this.environment = Map.copyOf(environment);
        this.homeDirectory = homeDirectory;
    }

    /**
     * Returns the default server's settings.
     *
     * @throws SettingsException when a named config file is missing, a file has a syntax error, or no
     *                           credentials are configured anywhere
     */
    public ServerSettings loadDefault(SettingsOverrides overrides) {
        ConfigSource file = readClearmlConfig();
        Config api = file.config().hasPath("api") ? file.config().getConfig("api") : ConfigFactory.empty();

        String host = firstSet(overrides.apiHost(), env("CLEARML_API_HOST", "TRAINS_API_HOST"),
                string(api, "api_server"), string(api, "host"));
        String webHost = firstSet(env("CLEARML_WEB_HOST", "TRAINS_WEB_HOST"), string(api, "web_server"));
        String filesHost = firstSet(env("CLEARML_FILES_HOST", "TRAINS_FILES_HOST"), string(api, "files_server"));
        String token = firstSet(environment.get("CLEARML_AUTH_TOKEN"));
        String accessKey = firstSet(overrides.accessKey(), env("CLEARML_API_ACCESS_KEY", "TRAINS_API_ACCESS_KEY"),
                string(api, "credentials.access_key"));
        String secretKey = firstSet(overrides.secretKey(), env("CLEARML_API_SECRET_KEY", "TRAINS_API_SECRET_KEY"),
                string(api, "credentials.secret_key"));
        boolean keyGivenExplicitly = SettingsOverrides.isSet(overrides.accessKey()) || SettingsOverrides.isSet(overrides.secretKey());
        if (keyGivenExplicitly) {
            token = null;
        }
        String verify = firstSet(env("CLEARML_API_HOST_VERIFY_CERT", "TRAINS_API_HOST_VERIFY_CERT"),
                string(api, "verify_certificate"));

        if (token == null && (accessKey == null || secretKey == null)) {
            throw new SettingsException("No ClearML credentials are configured (looked in " + file.description()
                    + ", CLEARML_API_ACCESS_KEY and CLEARML_API_SECRET_KEY, and the command line). "
                    + "Run clearml-init, or pass --access-key and --secret-key.");
        }
        if (host == null) {
            if (isTrue(environment.get("CLEARML_NO_DEFAULT_SERVER"))) {
                throw new SettingsException("No ClearML API host is configured and CLEARML_NO_DEFAULT_SERVER forbids "
                        + "the hosted default. Set api.api_server in " + file.description() + " or pass --api-host.");
            }
            host = HOSTED_API_HOST;
        }
        return build(null, host, webHost, filesHost, accessKey, secretKey, token, verify, file.description());
    }

    /**
     * Returns the default server (when configured) followed by the servers listed in {@code serversFile}.
     *
     * @param serversFile Runbench servers file; null or a missing file means no extra servers
     * @throws SettingsException when no server is configured at all, or a file cannot be read
     */
    public List<ServerSettings> loadAll(SettingsOverrides overrides, Path serversFile) {
        List<ServerSettings> extra = readServersFile(serversFile);
        List<ServerSettings> all = new ArrayList<>();
        try {
            all.add(loadDefault(overrides));
        } catch (SettingsException e) {
            if (extra.isEmpty()) {
                throw e;
            }
            LOG.info("No default ClearML server: {}", e.getMessage());
        }
        for (ServerSettings server : extra) {
            boolean duplicate = all.stream().anyMatch(known -> known.key().equals(server.key()));
            if (duplicate) {
                throw new SettingsException("Server key '" + server.key() + "' appears twice (in " + serversFile
                        + "). Give the entry a different name.");
            }
            all.add(server);
        }
        return List.copyOf(all);
    }

    private List<ServerSettings> readServersFile(Path serversFile) {
        if (serversFile == null || !Files.exists(serversFile)) {
            return List.of();
        }
        Config config = parse(serversFile, readText(serversFile));
        if (!config.hasPath("servers")) {
            return List.of();
        }
        List<ServerSettings> servers = new ArrayList<>();
        int index = 0;
        for (Config entry : config.getConfigList("servers")) {
            String where = serversFile + " (servers entry " + (index + 1) + ")";
            String host = string(entry, "api_server");
            if (host == null) {
                throw new SettingsException("The server entry " + (index + 1) + " in " + serversFile
                        + " has no api_server. Add api_server = \"https://…\" to it.");
            }
            String accessKey = string(entry, "access_key");
            String secretKey = string(entry, "secret_key");
            if (accessKey == null || secretKey == null) {
                throw new SettingsException("The server entry for " + host + " in " + serversFile
                        + " lacks access_key or secret_key. Add both, as clearml-init shows them.");
            }
            servers.add(build(string(entry, "name"), host, string(entry, "web_server"), string(entry, "files_server"),
                    accessKey, secretKey, null, string(entry, "verify_certificate"), where));
            index++;
        }
        return servers;
    }

    private ServerSettings build(String name, String host, String webHost, String filesHost, String accessKey,
                                 String secretKey, String token, String verify, String source) {
        boolean verifyCertificate = true;
        Path caBundle = null;
        if (verify != null) {
            String normalized = verify.trim().toLowerCase(Locale.ROOT);
            if (isFalse(normalized)) {
                verifyCertificate = false;
            } else if (!isTrue(normalized)) {
                caBundle = expandHome(verify.trim());
            }
        }
        try {
            return new ServerSettings(name, host, webHost, filesHost, accessKey, secretKey, token,
                    verifyCertificate, caBundle, source);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("Invalid ClearML API host in " + source + ": " + e.getMessage(), e);
        }
    }

    private ConfigSource readClearmlConfig() {
        String named = env("CLEARML_CONFIG_FILE", "TRAINS_CONFIG_FILE");
        if (named != null) {
            Path path = expandHome(named);
            if (!Files.isRegularFile(path)) {
                throw new SettingsException("The ClearML config file " + path + " named by CLEARML_CONFIG_FILE does not exist. "
                        + "Fix the variable or run clearml-init to create the file.");
            }
            return new ConfigSource(parse(path, readText(path)), path.toString());
        }
        Path trains = homeDirectory.resolve("trains.conf");
        Path clearml = homeDirectory.resolve("clearml.conf");
        Config merged = ConfigFactory.empty();
        List<String> read = new ArrayList<>();
        for (Path path : List.of(clearml, trains)) {
            if (Files.isRegularFile(path)) {
                merged = merged.withFallback(parse(path, readText(path)));
                read.add(path.toString());
            }
        }
        String description = read.isEmpty() ? clearml + " (not found)" : String.join(" and ", read);
        return new ConfigSource(merged, description);
    }

    private static String readText(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SettingsException("Cannot read " + path + ": " + e.getMessage() + ". Check that the file is readable.", e);
        }
    }

    /**
     * Parses HOCON after quoting unquoted URLs. When the whole file fails but its {@code api} block alone
     * parses, the rest (for example pyhocon-only syntax in the {@code sdk} section) is skipped with a warning.
     */
    static Config parse(Path path, String text) {
        ConfigParseOptions options = ConfigParseOptions.defaults()
                .setSyntax(ConfigSyntax.CONF)
                .setOriginDescription(path.toString())
                .setAllowMissing(false);
        String quoted = HoconText.quoteUnquotedUrls(text);
        try {
            return ConfigFactory.parseString(quoted, options).resolve();
        } catch (ConfigException.Parse e) {
            String apiOnly = HoconText.keepOnlyApiBlock(quoted);
            if (apiOnly != null) {
                try {
                    Config api = ConfigFactory.parseString(apiOnly, options).resolve();
                    LOG.warn("Read only the api section of {} because the rest has a syntax error on line {}",
                            path, e.origin() == null ? "?" : e.origin().lineNumber());
                    return api;
                } catch (ConfigException ignored) {
                    // The api block itself is broken: report the first error of the whole file below.
                }
            }
            throw new SettingsException(syntaxErrorMessage(path, e), e);
        } catch (ConfigException e) {
            throw new SettingsException(syntaxErrorMessage(path, e), e);
        }
    }

    private static String syntaxErrorMessage(Path path, ConfigException e) {
        int line = e.origin() == null ? -1 : e.origin().lineNumber();
        String detail = e.getMessage();
        String prefix = path + ": " + line + ": ";
        if (detail != null && detail.startsWith(prefix)) {
            detail = detail.substring(prefix.length());
        }
        String where = line > 0 ? " on line " + line : "";
        return "The ClearML config file " + path + " has a syntax error" + where + ": " + detail
                + ". Fix that line (HOCON syntax), or set CLEARML_CONFIG_FILE to another file.";
    }

    private String env(String name, String legacyName) {
        return firstSet(environment.get(name), environment.get(legacyName));
    }

    private static String string(Config config, String path) {
        try {
            if (!config.hasPath(path)) {
                return null;
            }
            Object value = config.getValue(path).unwrapped();
            return value == null ? null : firstSet(value.toString());
        } catch (ConfigException e) {
            return null;
        }
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private Path expandHome(String path) {
        if (path.equals("~")) {
            return homeDirectory;
        }
        if (path.startsWith("~/")) {
            return homeDirectory.resolve(path.substring(2));
        }
        return Path.of(path);
    }

    private static boolean isTrue(String value) {
        return value != null && List.of("true", "1", "yes", "on", "y").contains(value.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean isFalse(String value) {
        return List.of("false", "0", "no", "off", "n").contains(value);
    }

    private record ConfigSource(Config config, String description) {
    }
}
