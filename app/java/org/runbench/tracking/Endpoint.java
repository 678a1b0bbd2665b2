package org.runbench.tracking;

/**
 * The ClearML endpoints Runbench calls, each marked read or write.
 *
 * <p>Reads are retried on connection failures and on HTTP 429, 502, 503 and 504; writes never are,
 * because a write whose response was lost may already have taken effect. Event reads get the long
 * read timeout, since the server may take minutes on large tasks.
 */
public enum Endpoint {
    AUTH_LOGIN("auth.login", true, false),
    DEBUG_PING("debug.ping", true, false),
    SERVER_INFO("server.info", true, false),
    PROJECTS_GET_ALL_EX("projects.get_all_ex", true, false),
    TASKS_GET_ALL_EX("tasks.get_all_ex", true, false),
    EVENTS_GET_SCALAR_METRICS_AND_VARIANTS("events.get_scalar_metrics_and_variants", true, true),
    EVENTS_SCALAR_METRICS_ITER_RAW("events.scalar_metrics_iter_raw", true, true),
    EVENTS_GET_TASK_EVENTS("events.get_task_events", true, true),
    EVENTS_GET_TASK_LOG("events.get_task_log", true, true),
    QUEUES_GET_ALL_EX("queues.get_all_ex", true, false),
    TASKS_CLONE("tasks.clone", false, false),
    TASKS_ENQUEUE("tasks.enqueue", false, false);

    private final String apiName;
    private final boolean read;
    private final boolean eventRead;

    Endpoint(String apiName, boolean read, boolean eventRead) {
        this.apiName = apiName;
        this.read = read;
        this.eventRead = eventRead;
    }

    /** Returns the {@code service.action} name used in the URL. */
    public String apiName() {
        return apiName;
    }

    /** Returns whether the call changes nothing on the server, so it is safe to send again. */
    public boolean isRead() {
        return read;
    }

    /** Returns whether the call reads events and so gets the long read timeout. */
    public boolean isEventRead() {
        return eventRead;
    }
}
