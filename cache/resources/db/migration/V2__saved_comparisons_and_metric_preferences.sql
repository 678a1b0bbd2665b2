-- Saved comparisons: the runs, their colours and visibility, and the chart settings, by name.
-- Runs are referenced by (server, task_id) without a foreign key, so removing a run from the cache
-- keeps the comparisons that used it; opening one skips runs that are no longer cached.
CREATE TABLE saved_comparison (
    name             VARCHAR(512) PRIMARY KEY,
    saved_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    metric_filter    VARCHAR(4096) NOT NULL DEFAULT '',
    x_axis           VARCHAR(32) NOT NULL,
    log_y            BOOLEAN NOT NULL,
    smoothing_kind   VARCHAR(32) NOT NULL,
    smoothing_weight DOUBLE PRECISION NOT NULL,
    smoothing_window INT NOT NULL,
    grid_columns     INT NOT NULL
);

CREATE TABLE saved_comparison_run (
    comparison_name VARCHAR(512) NOT NULL,
    position        INT NOT NULL,
    server          VARCHAR(512) NOT NULL,
    task_id         VARCHAR(512) NOT NULL,
    color_rgb       INT,
    hidden          BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (comparison_name, position),
    FOREIGN KEY (comparison_name) REFERENCES saved_comparison (name) ON DELETE CASCADE
);

-- Whether a lower or a higher value is better for a metric/variant, as the user last chose it.
CREATE TABLE metric_preference (
    metric           VARCHAR(4096) NOT NULL,
    variant          VARCHAR(4096) NOT NULL,
    higher_is_better BOOLEAN NOT NULL,
    PRIMARY KEY (metric, variant)
);
