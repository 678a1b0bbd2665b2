package org.runbench.tracking.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A task held by {@link FakeClearMLServer}: its full JSON object as {@code tasks.get_all_ex} would return
 * it without projection. Tests change fields directly on {@link #json()}.
 */
public final class FakeTask {

    private final ObjectNode json;

    FakeTask(ObjectNode json) {
        this.json = json;
    }

    public String id() {
        return json.path("id").asText();
    }

    /** Returns the mutable task object; project, user and parent are id strings. */
    public ObjectNode json() {
        return json;
    }

    /** Sets a hyperparameter in the server's section → name → item shape. */
    public FakeTask hyperparameter(String section, String name, String value, String type) {
        ObjectNode item = json.withObjectProperty("hyperparams").withObjectProperty(section).putObject(name);
        item.put("section", section).put("name", name).put("value", value).put("type", type).put("description", "");
        return this;
    }

    /** Sets a configuration object in the server's name → item shape. */
    public FakeTask configuration(String name, String type, String value) {
        json.withObjectProperty("configuration").putObject(name).put("name", name).put("type", type).put("value", value)
                .put("description", "");
        return this;
    }

    public FakeTask status(String status) {
        json.put("status", status);
        return this;
    }

    /** Sets {@code last_update} as the server writes it, for example {@code 2026-01-02T03:04:05.000000+00:00}. */
    public FakeTask lastUpdate(String isoWithOffset) {
        json.put("last_update", isoWithOffset);
        return this;
    }
}
