package org.runbench.sync.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import org.runbench.model.Hyperparameter;

/**
 * Reads JSON values as hyperparameters, keeping numbers as the text the file holds.
 *
 * <p>Types follow Python's names: {@code int}, {@code float}, {@code str}, {@code bool}, {@code null}
 * (with an empty value) and {@code list} (the JSON text of the array). Nested objects are flattened
 * into names joined with {@code /}.
 */
final class JsonValues {

    /** Accepts the {@code NaN}, {@code Infinity} and {@code -Infinity} that Python's json module writes. */
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private JsonValues() {
    }

    /**
     * Adds the value at the parser's current token to {@code target}, flattening objects, and leaves the
     * parser on the value's last token.
     */
    static void addValue(JsonParser parser, String section, String name, List<Hyperparameter> target)
            throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                addValue(parser, section, name + "/" + field, target);
            }
            return;
        }
        if (token == JsonToken.START_ARRAY) {
            String arrayText = MAPPER.writeValueAsString(MAPPER.readTree(parser));
            target.add(new Hyperparameter(section, name, arrayText, "list"));
            return;
        }
        target.add(new Hyperparameter(section, name, scalarText(parser), scalarType(token)));
    }

    /** Returns the text of a scalar token as written, or an empty text for null. */
    static String scalarText(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NULL ? "" : parser.getText();
    }

    static String scalarType(JsonToken token) {
        return switch (token) {
            case VALUE_NUMBER_INT -> "int";
            case VALUE_NUMBER_FLOAT -> "float";
            case VALUE_TRUE, VALUE_FALSE -> "bool";
            case VALUE_NULL -> "null";
            default -> "str";
        };
    }

    /** Adds every field of the object at the parser's current token, each as its own hyperparameter. */
    static void addFields(JsonParser parser, String section, List<Hyperparameter> target) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            addValue(parser, section, field, target);
        }
    }
}
