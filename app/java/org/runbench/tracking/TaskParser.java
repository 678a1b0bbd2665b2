package org.runbench.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.runbench.model.ConfigurationItem;
import org.runbench.model.Hyperparameter;
import org.runbench.model.Run;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;

/** Turns the task objects of {@code tasks.get_all_ex} into {@link TaskRecord}s. */
final class TaskParser {

    /** Fields requested with {@code only_fields}; {@code project.name} and {@code user.name} are joins. */
    static final List<String> TASK_FIELDS = List.of("id", "name", "status", "status_reason", "user.name", "tags",
            "project.name", "created", "started", "completed", "last_update", "last_iteration", "parent",
            "execution.queue", "script.repository", "script.branch", "script.entry_point", "script.version_num",
            "hyperparams", "configuration", "last_metrics");

    private TaskParser() {
    }

    static TaskRecord parse(JsonNode task) {
        JsonNode project = task.path("project");
        JsonNode user = task.path("user");
        return new TaskRecord(
                task.path("id").asText(),
                text(task, "name"),
                RunStatus.fromApi(text(task, "status")),
                text(task, "status_reason"),
                user.isObject() ? firstNonEmpty(user.path("name").asText(""), user.path("id").asText("")) : user.asText(""),
                strings(task.path("tags")),
                project.isObject() ? project.path("id").asText(null) : textOrNull(project),
                project.isObject() ? project.path("name").asText(null) : null,
                instant(task.path("created")),
                instant(task.path("started")),
                instant(task.path("completed")),
                instant(task.path("last_update")),
                task.path("last_iteration").canConvertToLong() ? task.path("last_iteration").asLong() : Run.NO_ITERATION,
                idOf(task.path("parent")),
                idOf(task.path("execution").path("queue")),
                scriptSummary(task.path("script")),
                hyperparameters(task.path("hyperparams")),
                configuration(task.path("configuration")),
                lastMetrics(task.path("last_metrics")));
    }

    /** Parses an ISO-8601 time with offset, as the server writes it; null for a missing or unreadable value. */
    static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        String text = node.asText();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static String scriptSummary(JsonNode script) {
        String repository = script.path("repository").asText("");
        String entryPoint = script.path("entry_point").asText("");
        String branch = script.path("branch").asText("");
        StringBuilder summary = new StringBuilder(repository);
        if (!branch.isEmpty()) {
            summary.append(summary.length() > 0 ? " " : "").append("(").append(branch).append(")");
        }
        if (!entryPoint.isEmpty()) {
            summary.append(summary.length() > 0 ? " " : "").append(entryPoint);
        }
        return summary.toString();
    }

    private static List<Hyperparameter> hyperparameters(JsonNode sections) {
        List<Hyperparameter> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sections.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> params = section.getValue().fields(); params.hasNext(); ) {
                Map.Entry<String, JsonNode> param = params.next();
                JsonNode item = param.getValue();
                result.add(new Hyperparameter(section.getKey(), firstNonEmpty(item.path("name").asText(""), param.getKey()),
                        item.path("value").isNull() ? "" : item.path("value").asText(""), item.path("type").asText("")));
            }
        }
        return result;
    }

    private static List<ConfigurationItem> configuration(JsonNode items) {
        List<ConfigurationItem> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode item = entry.getValue();
            result.add(new ConfigurationItem(firstNonEmpty(item.path("name").asText(""), entry.getKey()),
                    item.path("type").asText(""), item.path("value").asText("")));
        }
        return result;
    }

    private static List<LastMetric> lastMetrics(JsonNode metrics) {
        List<LastMetric> result = new ArrayList<>();
        for (JsonNode byVariant : metrics) {
            for (JsonNode event : byVariant) {
                result.add(new LastMetric(new SeriesKey(event.path("metric").asText(""), event.path("variant").asText("")),
                        number(event.path("value")), number(event.path("min_value")), number(event.path("max_value")),
                        event.path("count").asLong(0)));
            }
        }
        return result;
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static String idOf(JsonNode node) {
        if (node.isObject()) {
            return node.path("id").asText(null);
        }
        return textOrNull(node);
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText("");
    }

    private static String firstNonEmpty(String first, String second) {
        return first.isEmpty() ? second : first;
    }
}
