package org.runbench.model;

import java.util.Objects;

/**
 * A configuration object of a run, such as a YAML or JSON file the training script connected.
 *
 * @param name  configuration name
 * @param type  content type as the server reports it (for example {@code yaml}), or empty
 * @param value full text
 */
public record ConfigurationItem(String name, String type, String value) {
    public ConfigurationItem {
        Objects.requireNonNull(name, "name");
        type = type == null ? "" : type;
        value = value == null ? "" : value;
    }
}
