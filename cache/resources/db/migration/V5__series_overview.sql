-- A few thousand points per long series that draw the same picture as the whole series at screen width
-- (see org.runbench.model.SeriesOverview), so a comparison is drawn before its full resolution is read.
-- The overview is derived data: it is valid only while point_count and first_seq equal the series' own
-- (an append changes the count, a replace changes first_seq), and any write to the series' points
-- deletes it. Encoded like series_chunk.data.
CREATE TABLE series_overview (
    series_id   BIGINT PRIMARY KEY,
    point_count BIGINT NOT NULL,
    first_seq   INT NOT NULL,
    data        VARBINARY(1000000000) NOT NULL,
    FOREIGN KEY (series_id) REFERENCES series (id) ON DELETE CASCADE
);
