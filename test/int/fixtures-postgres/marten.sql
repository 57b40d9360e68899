-- Marten's event store tables as Marten 7 generates them (Marten.Events.Schema:
-- mt_streams, mt_events, the mt_events_sequence), with the optional headers
-- column on and the correlation/causation columns off
-- (opts.Events.MetadataConfig.HeadersEnabled = true only).
CREATE TABLE mt_streams (
    id                uuid          NOT NULL,
    type              varchar       NULL,
    version           bigint        NULL,
    timestamp         timestamptz   DEFAULT (now()) NOT NULL,
    snapshot          jsonb         NULL,
    snapshot_version  integer       NULL,
    created           timestamptz   DEFAULT (now()) NOT NULL,
    tenant_id         varchar       NULL DEFAULT '*DEFAULT*',
    is_archived       bool          NULL DEFAULT FALSE,
    CONSTRAINT pkey_mt_streams_id PRIMARY KEY (id)
);
CREATE SEQUENCE mt_events_sequence;
CREATE TABLE mt_events (
    seq_id            bigint        NOT NULL,
    id                uuid          NOT NULL,
    stream_id         uuid          NULL,
    version           bigint        NOT NULL,
    data              jsonb         NOT NULL,
    type              varchar(500)  NOT NULL,
    timestamp         timestamptz   DEFAULT (now()) NOT NULL,
    tenant_id         varchar       NULL DEFAULT '*DEFAULT*',
    mt_dotnet_type    varchar       NULL,
    headers           jsonb         NULL,
    is_archived       bool          NULL DEFAULT FALSE,
    CONSTRAINT pkey_mt_events_seq_id PRIMARY KEY (seq_id),
    CONSTRAINT fkey_mt_events_stream_id FOREIGN KEY (stream_id) REFERENCES mt_streams(id) ON DELETE CASCADE
);
ALTER SEQUENCE mt_events_sequence OWNED BY mt_events.seq_id;
CREATE UNIQUE INDEX pk_mt_events_stream_and_version ON mt_events USING btree (stream_id, version);
CREATE UNIQUE INDEX pk_mt_events_id_unique ON mt_events USING btree (id);
CREATE TABLE mt_event_progression (
    name              varchar       NOT NULL,
    last_seq_id       bigint        NULL,
    last_updated      timestamptz   DEFAULT (transaction_timestamp()),
    CONSTRAINT pk_mt_event_progression PRIMARY KEY (name)
);
