-- Chunk rows are committed in small transactions of their own before the run's transaction, and become
-- visible only when that transaction publishes them through the series row. A large commit could be left
-- partly written by H2 2.5.252 when the process was killed during it; small commits avoid that.

-- The visible chunks of a series are the rows with first_seq <= seq < first_seq + chunk_count. Rows outside
-- that range were staged by a writer that did not publish them, or replaced, and every reader ignores them.
ALTER TABLE series ADD COLUMN first_seq INT NOT NULL DEFAULT 0;

-- Staged chunks of a series created in a still-open run transaction are committed from another
-- connection, which a foreign key to the uncommitted series row would reject. Writers now delete the chunk
-- rows of a deleted series themselves. H2 generated the constraint's name, so it is looked up here.
EXECUTE IMMEDIATE 'ALTER TABLE series_chunk DROP CONSTRAINT '
    || (SELECT QUOTE_IDENT(CONSTRAINT_NAME) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS
        WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'SERIES_CHUNK' AND CONSTRAINT_TYPE = 'FOREIGN KEY');
