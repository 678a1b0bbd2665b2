package org.runbench.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

/** Reads the {@code exp} claim of a JWT without checking its signature, which only the server can. */
final class JwtExpiry {

    private JwtExpiry() {
    }

    /** Returns the expiry, or {@link Instant#MAX} when the token is not a JWT with an {@code exp} claim. */
    static Instant of(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return Instant.MAX;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode exp = ClearMLJson.newMapper().readTree(payload).path("exp");
            return exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : Instant.MAX;
        } catch (IOException | IllegalArgumentException e) {
            return Instant.MAX;
        }
    }
}
