-- Emmett's PostgreSQL event store tables, as its schema (emmett-postgresql,
-- eventStore/schema, the 0.42 layout) creates them: streams and messages
-- partitioned by list, a global position from a sequence, the writing
-- transaction's id, and one partition made by emt_add_partition('emt:default')
-- (the default partition value is 'global' in the table and 'emt:default' or
-- 'default_partition' in the functions, depending on the version).
CREATE TABLE IF NOT EXISTS emt_streams(
    stream_id         TEXT      NOT NULL,
    stream_position   BIGINT    NOT NULL,
    partition         TEXT      NOT NULL DEFAULT 'global',
    stream_type       TEXT      NOT NULL,
    stream_metadata   JSONB     NOT NULL,
    is_archived       BOOLEAN   NOT NULL DEFAULT FALSE,
    PRIMARY KEY (stream_id, partition, is_archived)
) PARTITION BY LIST (partition);
CREATE UNIQUE INDEX IF NOT EXISTS idx_streams_unique ON emt_streams(stream_id, partition, is_archived) INCLUDE (stream_position);
CREATE SEQUENCE IF NOT EXISTS emt_global_message_position;
CREATE TABLE IF NOT EXISTS emt_messages(
    stream_position        BIGINT       NOT NULL,
    global_position        BIGINT       DEFAULT nextval('emt_global_message_position'),
    transaction_id         XID8         NOT NULL,
    created                TIMESTAMPTZ  NOT NULL DEFAULT now(),
    is_archived            BOOLEAN      NOT NULL DEFAULT FALSE,
    message_kind           VARCHAR(1)   NOT NULL DEFAULT 'E',
    stream_id              TEXT         NOT NULL,
    partition              TEXT         NOT NULL DEFAULT 'global',
    message_schema_version TEXT         NOT NULL,
    message_id             TEXT         NOT NULL,
    message_type           TEXT         NOT NULL,
    message_data           JSONB        NOT NULL,
    message_metadata       JSONB        NOT NULL,
    PRIMARY KEY (stream_id, stream_position, partition, is_archived)
) PARTITION BY LIST (partition);
CREATE OR REPLACE FUNCTION emt_sanitize_name(input_name TEXT) RETURNS TEXT AS $$
BEGIN
    RETURN REGEXP_REPLACE(input_name, '[^a-zA-Z0-9_]', '_', 'g');
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION emt_add_table_partition(tableName TEXT, partition_name TEXT) RETURNS void AS $$
DECLARE
    v_main TEXT := emt_sanitize_name(tableName || '_' || partition_name);
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I FOR VALUES IN (%L) PARTITION BY LIST (is_archived);', v_main, tableName, partition_name);
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I FOR VALUES IN (FALSE);', emt_sanitize_name(v_main || '_active'), v_main);
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I FOR VALUES IN (TRUE);', emt_sanitize_name(v_main || '_archived'), v_main);
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION emt_add_partition(partition_name TEXT) RETURNS void AS $$
BEGIN
    PERFORM emt_add_table_partition('emt_messages', partition_name);
    PERFORM emt_add_table_partition('emt_streams', partition_name);
END;
$$ LANGUAGE plpgsql;
SELECT emt_add_partition('emt:default');
