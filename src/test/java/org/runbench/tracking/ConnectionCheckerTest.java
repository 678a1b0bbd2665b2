package org.runbench.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.tracking.ConnectionCheck.Outcome;
import org.runbench.tracking.fake.FakeClearMLServer;
import org.runbench.tracking.fake.Fault;

@Timeout(60)
class ConnectionCheckerTest {

    private static final OkHttpClient SHARED = ClearMLHttpClients.createShared(new ClearMLHttpClients.Timeouts(
            Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)));

    private final ConnectionChecker checker = new ConnectionChecker(SHARED, ConnectionOptions.DEFAULT);

    @TempDir
    Path temp;

    @Test
    void workingServerIsConnectedWithVersion() throws IOException {
        try (FakeClearMLServer fake = FakeClearMLServer.start()) {
            ConnectionCheck check = checker.check(fake.settings());

            assertThat(check.outcome()).isEqualTo(Outcome.CONNECTED);
            assertThat(check.serverVersion()).isEqualTo("2.3.0");
            assertThat(check.message()).isEqualTo("Connected to the ClearML server 127.0.0.1:" + port(fake)
                    + " (version 2.3.0, API 2.34).");
            assertThat(check.warnings()).isEmpty();
        }
    }

    @Test
    void wrongSecretIsBadCredentials() throws IOException {
        try (FakeClearMLServer fake = FakeClearMLServer.start()) {
            ConnectionCheck check = checker.check(fake.settings().withCredentials("WRONGKEY", "nope"));

            assertThat(check.outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
            assertThat(check.message()).isEqualTo("The ClearML server 127.0.0.1:" + port(fake)
                    + " rejected the access key WRON…: Unauthorized (invalid credentials).");
            assertThat(check.nextStep()).startsWith("Check api.credentials in clearml.conf");
        }
    }

    @Test
    void missingCredentialsAreBadCredentials() {
        ConnectionCheck check = checker.check(ServerSettings.of("http://127.0.0.1:9", "", ""));

        assertThat(check.outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(check.nextStep()).isEqualTo("Run clearml-init, or pass --access-key and --secret-key.");
    }

    @Test
    void closedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }

        ConnectionCheck check = checker.check(ServerSettings.of("http://127.0.0.1:" + port, "K", "S"));

        assertThat(check.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(check.message()).isEqualTo("Cannot reach the ClearML server at http://127.0.0.1:" + port
                + ": the connection was refused.");
        assertThat(check.nextStep()).isEqualTo("Check the URL, the network or VPN, and that the server is running.");
    }

    @Test
    void htmlPageIsNotAnApiServer() throws IOException {
        try (FakeClearMLServer fake = FakeClearMLServer.start()) {
            fake.failOnCall("auth.login", 1, Fault.htmlPage(200));

            ConnectionCheck check = checker.check(fake.settings());

            assertThat(check.outcome()).isEqualTo(Outcome.NOT_AN_API_SERVER);
            assertThat(check.message()).contains("text/html");
            assertThat(check.nextStep()).contains("port 8008").contains("not the web UI");
        }
    }

    @Test
    void selfSignedCertificateIsTlsFailure() throws Exception {
        try (FakeClearMLServer fake = FakeClearMLServer.startHttps(selfSignedContext().getSocketFactory())) {
            ConnectionCheck check = checker.check(fake.settings());

            assertThat(check.outcome()).isEqualTo(Outcome.TLS_FAILURE);
            assertThat(check.message()).isEqualTo("The secure connection to " + fake.apiHost() + " failed: the server's "
                    + "certificate is not signed by an authority this computer trusts (self-signed or a private CA).");
            assertThat(check.nextStep()).startsWith("Point verify_certificate in clearml.conf at the CA bundle");
        }
    }

    @Test
    void verificationOffConnectsWithWarning() throws Exception {
        try (FakeClearMLServer fake = FakeClearMLServer.startHttps(selfSignedContext().getSocketFactory())) {
            ConnectionCheck check = checker.check(fake.settings().withVerifyCertificate(false));

            assertThat(check.outcome()).isEqualTo(Outcome.CONNECTED);
            assertThat(check.warnings()).singleElement().asString()
                    .startsWith("TLS certificate verification is off for 127.0.0.1:" + port(fake));
        }
    }

    @Test
    void caBundleTrustsPrivateCertificate() throws Exception {
        Path pem = temp.resolve("ca.pem");
        try (InputStream in = getClass().getResourceAsStream("/tracking/tls/self-signed.pem")) {
            Files.copy(in, pem);
        }
        try (FakeClearMLServer fake = FakeClearMLServer.startHttps(selfSignedContext().getSocketFactory())) {
            ServerSettings base = fake.settings();
            ServerSettings withBundle = new ServerSettings(null, base.apiHost(), null, null, base.accessKey(),
                    base.secretKey(), null, true, pem, "test");

            assertThat(checker.check(withBundle).outcome()).isEqualTo(Outcome.CONNECTED);
        }
    }

    private static int port(FakeClearMLServer fake) {
        return Integer.parseInt(fake.apiHost().substring(fake.apiHost().lastIndexOf(':') + 1));
    }

    private static SSLContext selfSignedContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = ConnectionCheckerTest.class.getResourceAsStream("/tracking/tls/self-signed.p12")) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
