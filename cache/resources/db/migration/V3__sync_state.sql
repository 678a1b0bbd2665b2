-- Sync state and the data sync adds beside the scalar series.

-- The latest task last_update a sync of the project has committed runs up to. The next sync lists
-- only tasks changed at or after it. NULL when the project was never synced.
ALTER TABLE project ADD COLUMN sync_cursor TIMESTAMP WITH TIME ZONE;

-- Metrics reported once ("single value" scalars, stored by ClearML at iteration -2^31), kept apart from
-- the curves. The value is stored as its IEEE 754 bits so NaN, infinities and -0.0 survive exactly.
CREATE TABLE single_value (
    server      VARCHAR(512) NOT NULL,
    task_id     VARCHAR(512) NOT NULL,
    metric      VARCHAR(4096) NOT NULL,
    variant     VARCHAR(4096) NOT NULL,
    position    INT NOT NULL,
    value_bits  BIGINT NOT NULL,
    PRIMARY KEY (server, task_id, metric, variant),
    FOREIGN KEY (server, task_id) REFERENCES run (server, task_id) ON DELETE CASCADE
);

-- The server's own summary of each series (the task's last_metrics): last, minimum and maximum value and
-- the point count. The server keeps at most 2,000 of them per task, so this is no list of series.
CREATE TABLE server_metric (
    server      VARCHAR(512) NOT NULL,
    task_id     VARCHAR(512) NOT NULL,
    position    INT NOT NULL,
    metric      VARCHAR(4096) NOT NULL,
    variant     VARCHAR(4096) NOT NULL,
    last_bits   BIGINT NOT NULL,
    min_bits    BIGINT NOT NULL,
    max_bits    BIGINT NOT NULL,
    point_count BIGINT NOT NULL,
    PRIMARY KEY (server, task_id, position),
    FOREIGN KEY (server, task_id) REFERENCES run (server, task_id) ON DELETE CASCADE
);

-- Console log entries of a synced run in the server's time order.
CREATE TABLE console_log (
    server       VARCHAR(512) NOT NULL,
    task_id      VARCHAR(512) NOT NULL,
    seq          INT NOT NULL,
    timestamp_ms BIGINT NOT NULL,
    level        VARCHAR(64) NOT NULL,
    worker       VARCHAR(512) NOT NULL,
    iteration    BIGINT NOT NULL,
    message      CHARACTER LARGE OBJECT NOT NULL,
    PRIMARY KEY (server, task_id, seq),
    FOREIGN KEY (server, task_id) REFERENCES run (server, task_id) ON DELETE CASCADE
);

-- Lets summaries of many runs be read with one task_id IN (...) lookup per batch. With only the
-- server-first unique key, H2 scanned every series of the server for each batch.
CREATE INDEX series_by_task ON series (task_id, server);
