package org.runbench.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one shared OkHttpClient of the application and derives per-server variants from it.
 *
 * <p>The composition root calls {@link #createShared(Timeouts)} once and closes the client on shutdown
 * (dispatcher executor and connection pool). Derived clients share its pool and threads.
 */
public final class ClearMLHttpClients {

    private static final Logger LOG = LoggerFactory.getLogger(ClearMLHttpClients.class);

    /**
     * Timeouts of the shared client.
     *
     * @param connect   TCP and TLS connect
     * @param read      between two reads of a response, for ordinary calls
     * @param eventRead between two reads for event endpoints, which can take minutes on huge tasks
     * @param write     between two writes of a request body
     */
    public record Timeouts(Duration connect, Duration read, Duration eventRead, Duration write) {

        /** Connect 10 s, read 60 s, event read 5 min, write 60 s. */
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofMinutes(5), Duration.ofSeconds(60));
    }

    private ClearMLHttpClients() {
    }

    /**
     * Creates the shared client. OkHttp's silent retry on connection failure is off, because the ClearML
     * client decides itself which calls may be sent again (reads yes, writes no).
     */
    public static OkHttpClient createShared(Timeouts timeouts) {
        return new OkHttpClient.Builder()
                .connectTimeout(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeouts.read().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(timeouts.write().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .addNetworkInterceptor(new RedactedLogging())
                .build();
    }

    /**
     * Derives the client for one server: the shared one when certificates are verified against the JDK's
     * authorities, one trusting the server's CA bundle when {@code caBundle} is set, or one that accepts any
     * certificate when verification is turned off (logged as a warning).
     *
     * @throws SettingsException when the CA bundle cannot be read
     */
    public static OkHttpClient forServer(OkHttpClient shared, ServerSettings settings) {
        if (!settings.verifyCertificate()) {
            LOG.warn("TLS certificate verification is off for {}: the connection is encrypted but the server "
                    + "is not authenticated", settings.key());
            X509TrustManager trustAll = new TrustAllManager();
            return shared.newBuilder()
                    .sslSocketFactory(sslContext(trustAll).getSocketFactory(), trustAll)
                    .hostnameVerifier((host, session) -> true)
                    .build();
        }
        if (settings.caBundle() != null) {
            X509TrustManager bundle = trustManagerFor(settings.caBundle());
            return shared.newBuilder().sslSocketFactory(sslContext(bundle).getSocketFactory(), bundle).build();
        }
        return shared;
    }

    /** Returns a variant of {@code client} with another read timeout, sharing its pool. */
    static OkHttpClient withReadTimeout(OkHttpClient client, Duration readTimeout) {
        return client.newBuilder().readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    private static X509TrustManager trustManagerFor(Path caBundle) {
        try (InputStream in = Files.newInputStream(caBundle)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            if (index == 0) {
                throw new SettingsException("The CA bundle " + caBundle + " contains no PEM certificate. "
                        + "Point verify_certificate at a PEM file, or set it to true to use the system's authorities.");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new SettingsException("No X.509 trust manager is available for " + caBundle + ".");
        } catch (IOException | GeneralSecurityException e) {
            throw new SettingsException("Cannot read the CA bundle " + caBundle + ": " + e.getMessage()
                    + ". Point verify_certificate at a readable PEM file.", e);
        }
    }

    private static SSLContext sslContext(X509TrustManager trustManager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no TLS context", e);
        }
    }

    /** Accepts every certificate; used only when the user turned verification off. */
    private static final class TrustAllManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Client certificates are not used.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Verification was turned off in the settings; the caller logged a warning.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /**
     * Logs method, URL, status, duration and size of each exchange at debug level. Headers and bodies
     * are never logged, so the Authorization header, tokens and keys cannot leak; ClearML URLs carry no
     * credentials because every parameter goes in the JSON body.
     */
    static final class RedactedLogging implements Interceptor {

        private static final Logger HTTP_LOG = LoggerFactory.getLogger("org.runbench.tracking.http");

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            long start = System.nanoTime();
            Response response = chain.proceed(request);
            if (HTTP_LOG.isDebugEnabled()) {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                HTTP_LOG.debug("{} {} -> {} in {} ms ({} bytes)", request.method(), request.url().redact(),
                        response.code(), millis, response.body().contentLength());
            }
            return response;
        }
    }
}
