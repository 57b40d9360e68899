"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NOTIFY_CHANNEL = exports.SNAPSHOTS_TABLE = exports.EVENTS_TABLE = void 0;
exports.quoteIdentifier = quoteIdentifier;
exports.layoutStatements = layoutStatements;
/**
 * The project's own PostgreSQL layout for the stores it writes: the guide's
 * envelope as columns (so the queries the views ask are index lookups),
 * `data` and `metadata` as jsonb for content queries, and the line exactly as
 * written (`raw`), so number text (`1.0`, 20-digit integers) and key order
 * survive a copy. `global_position` is the store order; a unique key on
 * (aggregate_id, sequence_number) makes an append name its expected version.
 * `transaction_id` (xid8) lets a live reader take only rows of committed
 * transactions (Emmett's rule), and a trigger NOTIFYs it on every insert.
 */
exports.EVENTS_TABLE = 'eventbus_events';
exports.SNAPSHOTS_TABLE = 'eventbus_snapshots';
/** The LISTEN channel a trigger on the events table notifies (the payload is the schema). */
exports.NOTIFY_CHANNEL = 'eventbus_events';
/** A schema name as a quoted SQL identifier (the URL's `?schema=`; default `public`). */
function quoteIdentifier(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
function layoutStatements(schema) {
    const s = quoteIdentifier(schema);
    const events = `${s}.${exports.EVENTS_TABLE}`;
    return [
        `CREATE SCHEMA IF NOT EXISTS ${s}`,
        `CREATE TABLE IF NOT EXISTS ${events} (
      global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id text NOT NULL UNIQUE,
      event_type text NOT NULL,
      version text,
      schema_version text,
      "timestamp" text,
      timestamp_ms double precision,
      source text,
      correlation_id text,
      causation_id text,
      aggregate_id text,
      sequence_number bigint,
      retry_count integer,
      status text,
      data jsonb,
      metadata jsonb,
      raw text NOT NULL,
      transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      UNIQUE (aggregate_id, sequence_number)
    )`,
        // Tables made before live tailing: the column every live reader needs (see postgresBackend.ts).
        `ALTER TABLE ${events} ADD COLUMN IF NOT EXISTS transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id()`,
        `CREATE INDEX IF NOT EXISTS ${exports.EVENTS_TABLE}_transaction ON ${events} (transaction_id, global_position)`,
        // Every writer (a copy's COPY, an append, psql) wakes live readers: one NOTIFY per statement.
        `CREATE OR REPLACE FUNCTION ${s}.${exports.EVENTS_TABLE}_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('${exports.NOTIFY_CHANNEL}', TG_TABLE_SCHEMA); RETURN NULL; END $$`,
        `DROP TRIGGER IF EXISTS ${exports.EVENTS_TABLE}_notify ON ${events}`,
        `CREATE TRIGGER ${exports.EVENTS_TABLE}_notify AFTER INSERT ON ${events} FOR EACH STATEMENT EXECUTE FUNCTION ${s}.${exports.EVENTS_TABLE}_notify()`,
        `CREATE INDEX IF NOT EXISTS ${exports.EVENTS_TABLE}_correlation ON ${events} (correlation_id, global_position)`,
        `CREATE INDEX IF NOT EXISTS ${exports.EVENTS_TABLE}_causation ON ${events} (causation_id)`,
        `CREATE INDEX IF NOT EXISTS ${exports.EVENTS_TABLE}_type ON ${events} (event_type, global_position)`,
        `CREATE INDEX IF NOT EXISTS ${exports.EVENTS_TABLE}_time ON ${events} (timestamp_ms)`,
        `CREATE TABLE IF NOT EXISTS ${s}.${exports.SNAPSHOTS_TABLE} (
      aggregate_id text NOT NULL,
      sequence_number bigint NOT NULL,
      "timestamp" text,
      state jsonb,
      raw text NOT NULL,
      PRIMARY KEY (aggregate_id, sequence_number)
    )`,
    ];
}
//# sourceMappingURL=postgresLayout.js.map