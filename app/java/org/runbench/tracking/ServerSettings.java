package org.runbench.tracking;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Connection settings of one ClearML server: hosts, credentials and certificate checking.
 *
 * <p>Either an access key and secret key or a ready-made token ({@code CLEARML_AUTH_TOKEN}) is set.
 * {@link #toString()} never contains the secret key or the token, so the record is safe to log.
 *
 * @param key               stable short name of the server, used as the cache's server key
 * @param apiHost           API server URL without a trailing slash, for example {@code http://host:8008}
 * @param webHost           web UI URL
 * @param filesHost         file server URL
 * @param accessKey         access key, or empty when a token is used
 * @param secretKey         secret key, or empty when a token is used
 * @param authToken         a ready JWT to send as Bearer token instead of logging in, or empty
 * @param verifyCertificate whether TLS certificates are checked, which is false only when the configuration turns checking off
 * @param caBundle          PEM file of trusted certificate authorities instead of the JDK's, or null
 * @param source            where the settings came from, for messages (for example the config file path)
 */
public record ServerSettings(String key, String apiHost, String webHost, String filesHost,
                             String accessKey, String secretKey, String authToken,
                             boolean verifyCertificate, Path caBundle, String source) {

    public ServerSettings {
        Objects.requireNonNull(apiHost, "apiHost");
        apiHost = stripTrailingSlash(apiHost.trim());
        key = key == null || key.isBlank() ? keyOf(apiHost) : key;
        webHost = webHost == null || webHost.isBlank() ? HostNames.deriveWebHost(apiHost) : stripTrailingSlash(webHost.trim());
        filesHost = filesHost == null || filesHost.isBlank() ? HostNames.deriveFilesHost(webHost) : stripTrailingSlash(filesHost.trim());
        accessKey = accessKey == null ? "" : accessKey.trim();
        secretKey = secretKey == null ? "" : secretKey.trim();
        authToken = authToken == null ? "" : authToken.trim();
        source = source == null ? "" : source;
    }

    /** Creates settings for a server with key and secret, verifying certificates, with derived web and file hosts. */
    public static ServerSettings of(String apiHost, String accessKey, String secretKey) {
        return new ServerSettings(null, apiHost, null, null, accessKey, secretKey, null, true, null, "");
    }

    /** Returns whether credentials of either kind are present. */
    public boolean hasCredentials() {
        return !authToken.isEmpty() || (!accessKey.isEmpty() && !secretKey.isEmpty());
    }

    /** Returns a copy with other credentials, keeping everything else. */
    public ServerSettings withCredentials(String newAccessKey, String newSecretKey) {
        return new ServerSettings(key, apiHost, webHost, filesHost, newAccessKey, newSecretKey, authToken,
                verifyCertificate, caBundle, source);
    }

    /** Returns a copy with certificate checking switched on or off. */
    public ServerSettings withVerifyCertificate(boolean verify) {
        return new ServerSettings(key, apiHost, webHost, filesHost, accessKey, secretKey, authToken,
                verify, caBundle, source);
    }

    /**
     * Normalises an API host URL into a server key: lower-case host, the port unless it is the scheme's
     * default, and the path without a trailing slash. The scheme is left out, so switching a server from
     * http to https keeps its cached runs. For example {@code HTTPS://API.Example.com:443/} gives
     * {@code api.example.com}, and {@code http://localhost:8008} gives {@code localhost:8008}.
     */
    public static String keyOf(String apiHost) {
        URI uri = URI.create(stripTrailingSlash(apiHost.trim()));
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("API host '" + apiHost + "' is not a URL such as http://host:8008");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getPath() == null ? "" : stripTrailingSlash(uri.getPath());
        return uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    private static String stripTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** Lists hosts and the access key's first four characters; never the secret key or the token. */
    @Override
    public String toString() {
        return "ServerSettings[key=" + key + ", apiHost=" + apiHost + ", webHost=" + webHost
                + ", filesHost=" + filesHost + ", accessKey=" + maskedAccessKey()
                + ", secretKey=" + (secretKey.isEmpty() ? "(none)" : "(set)")
                + ", authToken=" + (authToken.isEmpty() ? "(none)" : "(set)")
                + ", verifyCertificate=" + verifyCertificate + ", caBundle=" + caBundle
                + ", source=" + source + "]";
    }

    /** Returns the first four characters of the access key followed by an ellipsis, for messages. */
    public String maskedAccessKey() {
        if (accessKey.isEmpty()) {
            return "(none)";
        }
        return accessKey.substring(0, Math.min(4, accessKey.length())) + "…";
    }
}
