package org.runbench.tracking;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Builds the Jackson mapper for ClearML bodies. */
public final class ClearMLJson {

    private ClearMLJson() {
    }

    /**
     * Returns a new mapper that accepts bare {@code NaN}, {@code Infinity} and {@code -Infinity} tokens,
     * which the server writes for non-finite values, and ignores unknown fields. Request bodies are
     * built as trees, so explicit nulls (such as the first {@code "scroll_id": null}) are kept.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
