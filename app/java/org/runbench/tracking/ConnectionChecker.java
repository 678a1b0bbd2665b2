package org.runbench.tracking;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a server's settings work: logs in and reads {@code server.info}, and classifies a failure
 * as an expected {@link ConnectionCheck.Outcome} instead of throwing.
 *
 * <p>Blocks on the network; call from a background thread. Retries are off, so a check returns quickly.
 */
public final class ConnectionChecker {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionChecker.class);

    private final OkHttpClient sharedClient;
    private final ConnectionOptions options;

    public ConnectionChecker(OkHttpClient sharedClient, ConnectionOptions options) {
        this.sharedClient = sharedClient;
        this.options = options.withRetry(new RetryPolicy(1, java.time.Duration.ZERO, java.time.Duration.ZERO, 1.0),
                options.sleeper());
    }

    /** Tries the server and returns the outcome; throws nothing for the expected failures. */
    public ConnectionCheck check(ServerSettings settings) {
        List<String> warnings = new ArrayList<>();
        if (!settings.verifyCertificate()) {
            warnings.add("TLS certificate verification is off for " + settings.key() + " (verify_certificate or "
                    + "CLEARML_API_HOST_VERIFY_CERT is false), so Runbench cannot tell the real server from an impostor. "
                    + "Turn it back on, or point verify_certificate at the server's CA bundle.");
        }
        if (!settings.hasCredentials()) {
            return result(ConnectionCheck.Outcome.BAD_CREDENTIALS, settings, "",
                    "No access key and secret key are configured for " + settings.key() + ".",
                    "Run clearml-init, or pass --access-key and --secret-key.", warnings);
        }
        try {
            ClearMLClient client = new ClearMLClient(new ClearMLConnection(sharedClient, settings, options));
            ServerInfo info = client.serverInfo();
            String version = info.version().isEmpty() ? "unknown version" : "version " + info.version();
            return result(ConnectionCheck.Outcome.CONNECTED, settings, info.version(),
                    "Connected to the ClearML server " + settings.key() + " (" + version
                            + (info.apiVersion().isEmpty() ? "" : ", API " + info.apiVersion()) + ").",
                    "", warnings);
        } catch (ClearMLAuthException e) {
            return result(ConnectionCheck.Outcome.BAD_CREDENTIALS, settings, "",
                    "The ClearML server " + settings.key() + " rejected the access key " + settings.maskedAccessKey()
                            + ": " + e.serverMessage() + ".",
                    "Check api.credentials in clearml.conf (or --access-key and --secret-key), or create new "
                            + "credentials in the web UI under Settings, Workspace.", warnings);
        } catch (ClearMLResponseFormatException | ClearMLNotFoundException e) {
            return result(ConnectionCheck.Outcome.NOT_AN_API_SERVER, settings, "",
                    settings.apiHost() + " answered, but not as a ClearML API server: " + e.getMessage(),
                    "Use the API server's URL (port 8008 by default, or the api. host name), not the web UI "
                            + "(port 8080) or the file server (port 8081).", warnings);
        } catch (ClearMLConnectionException e) {
            return fromConnectionFailure(settings, e, warnings);
        } catch (ClearMLException e) {
            return result(ConnectionCheck.Outcome.NOT_AN_API_SERVER, settings, "",
                    settings.apiHost() + " answered with an error: " + e.getMessage(),
                    "Check that the URL is the ClearML API server and that the server is healthy.", warnings);
        }
    }

    private ConnectionCheck fromConnectionFailure(ServerSettings settings, ClearMLConnectionException e, List<String> warnings) {
        Throwable cause = e.getCause();
        String tlsProblem = tlsProblem(cause);
        if (tlsProblem != null) {
            return result(ConnectionCheck.Outcome.TLS_FAILURE, settings, "",
                    "The secure connection to " + settings.apiHost() + " failed: " + tlsProblem + ".",
                    "Point verify_certificate in clearml.conf at the CA bundle (PEM) that signed the server's "
                            + "certificate, or fix the certificate on the server. Setting it to false works but "
                            + "leaves the connection unauthenticated.", warnings);
        }
        String reason;
        if (cause instanceof UnknownHostException) {
            reason = "the host name is unknown";
        } else if (cause instanceof SocketTimeoutException) {
            reason = "the connection timed out";
        } else if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            reason = "the connection was refused";
        } else {
            reason = cause == null ? e.getMessage() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return result(ConnectionCheck.Outcome.UNREACHABLE, settings, "",
                "Cannot reach the ClearML server at " + settings.apiHost() + ": " + reason + ".",
                "Check the URL, the network or VPN, and that the server is running.", warnings);
    }

    /** Describes the certificate problem behind a TLS failure in plain words, or returns null when the failure is not a TLS one. */
    static String tlsProblem(Throwable failure) {
        boolean tls = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return "the server's certificate has expired";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "the server's certificate is not valid yet (check the computer's clock)";
            }
            if (t instanceof SSLPeerUnverifiedException) {
                return "the server's certificate does not match the host name (" + t.getMessage() + ")";
            }
            if (t instanceof CertPathValidatorException
                    || (t.getMessage() != null && t.getMessage().contains("PKIX path building failed"))) {
                return "the server's certificate is not signed by an authority this computer trusts "
                        + "(self-signed or a private CA)";
            }
            tls |= t instanceof SSLException;
        }
        return tls ? "the TLS handshake failed (" + failure.getMessage() + ")" : null;
    }

    private static ConnectionCheck result(ConnectionCheck.Outcome outcome, ServerSettings settings, String version,
                                          String message, String nextStep, List<String> warnings) {
        if (outcome == ConnectionCheck.Outcome.CONNECTED) {
            LOG.info("{}", message);
        } else {
            LOG.warn("Connection check of {}: {} {}", settings.key(), outcome, message);
        }
        return new ConnectionCheck(outcome, settings.key(), version, message, nextStep, warnings);
    }
}
