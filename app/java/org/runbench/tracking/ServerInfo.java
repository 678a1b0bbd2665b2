package org.runbench.tracking;

/**
 * Release and API level of a ClearML server, from {@code server.info}.
 *
 * @param version    server release, for example {@code 2.3.0}
 * @param build      build number, or empty
 * @param apiVersion highest API version the server implements, or empty on servers older than 1.4
 */
public record ServerInfo(String version, String build, String apiVersion) {
}
