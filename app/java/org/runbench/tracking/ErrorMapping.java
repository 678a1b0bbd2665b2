package org.runbench.tracking;

import java.util.Set;

/** Maps a ClearML error envelope to the matching {@link ClearMLException} subclass and message. */
final class ErrorMapping {

    /** Subcodes of HTTP 400 that mean "no such task, model, project or queue". */
    private static final Set<Integer> NOT_FOUND_SUBCODES = Set.of(101, 130, 201, 401, 403, 701);

    private ErrorMapping() {
    }

    static ClearMLException toException(ServerSettings settings, Endpoint endpoint, int httpStatus, int code,
                                        int subcode, String serverMessage) {
        String server = settings.key();
        String prefix = endpoint.apiName() + " on " + server + " failed with HTTP " + httpStatus + " (result "
                + code + "/" + subcode + "): " + (serverMessage.isBlank() ? "no message" : serverMessage) + ". ";
        String name = endpoint.apiName();
        if (code == 401) {
            return new ClearMLAuthException(prefix + "Check the access key " + settings.maskedAccessKey()
                    + " and its secret key (api.credentials in clearml.conf, or --access-key and --secret-key), "
                    + "or create new credentials in the ClearML web UI.", server, name, httpStatus, code, subcode,
                    serverMessage, null);
        }
        if (code == 403) {
            return new ClearMLPermissionException(prefix + "Use credentials of a user allowed to change this entity; "
                    + "public example tasks are read-only.", server, name, httpStatus, code, subcode, serverMessage, null);
        }
        if (code == 404 || (code == 400 && NOT_FOUND_SUBCODES.contains(subcode))) {
            return new ClearMLNotFoundException(prefix + "Check the id; it may have been deleted on the server, "
                    + "or the server may be too old for this endpoint.", server, name, httpStatus, code, subcode,
                    serverMessage, null);
        }
        if (code == 400) {
            return new ClearMLInvalidRequestException(prefix + "The server rejected the request; report this with "
                    + "the server version.", server, name, httpStatus, code, subcode, serverMessage, null);
        }
        if (code >= 500 || code == 429) {
            return new ClearMLServerException(prefix + "Try again later; if it persists, check the server's logs.",
                    server, name, httpStatus, code, subcode, serverMessage, null);
        }
        return new ClearMLException(prefix + "Report this with the server version.", server, name, httpStatus, code,
                subcode, serverMessage, null);
    }
}
