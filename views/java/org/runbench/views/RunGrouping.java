package org.runbench.views;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.runbench.model.Hyperparameter;

/**
 * Assigns runs to groups by a hyperparameter value, a tag or a name pattern. A run that the rule does not
 * place in a group returns null and is drawn on its own.
 */
record RunGrouping(GroupMode mode, String key) {

    RunGrouping {
        key = key == null ? "" : key.strip();
    }

    /** Returns the group label of {@code row}, or null when it belongs to no group. */
    String groupOf(RunRow row, List<Hyperparameter> parameters) {
        return switch (mode) {
            case NONE -> null;
            case HYPERPARAMETER -> byHyperparameter(parameters);
            case TAG -> byTag(row.run().tags());
            case NAME_PATTERN -> byName(row.name());
        };
    }

    private String byHyperparameter(List<Hyperparameter> parameters) {
        if (key.isEmpty()) {
            return null;
        }
        for (Hyperparameter parameter : parameters) {
            if (parameter.key().equals(key) || parameter.name().equals(key)) {
                return parameter.key() + " = " + parameter.value();
            }
        }
        return key + " not set";
    }

    private String byTag(List<String> tags) {
        Pattern pattern = pattern();
        for (String tag : tags) {
            if (pattern == null || pattern.matcher(tag).find()) {
                return "tag " + tag;
            }
        }
        return "no matching tag";
    }

    private String byName(String name) {
        Pattern pattern = pattern();
        if (pattern == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(name);
        if (!matcher.find()) {
            return null;
        }
        return matcher.groupCount() >= 1 && matcher.group(1) != null ? matcher.group(1) : matcher.group();
    }

    private Pattern pattern() {
        if (key.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(key);
        } catch (PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(key));
        }
    }
}
