import type pg from 'pg';
import { DEFAULT_EVENT_VERSION, freezeEvent, serializeEvent, type Event } from '../../model/event';
import { quoteIdentifier } from './postgresLayout';
import { epochMsToTimestamptz, indexState, isoOf, type LayoutRow, type PostgresLayoutName, type SqlEventLayout } from './sqlEventLayout';

/** The table that marks each layout someone else's library writes. */
export const FOREIGN_TABLES: readonly { readonly name: PostgresLayoutName; readonly table: string }[] = [
  { name: 'emmett', table: 'emt_messages' },
  { name: 'marten', table: 'mt_events' },
  { name: 'message-db', table: 'messages' },
];

export interface CatalogReader {
  readonly pool: pg.Pool;
  readonly schema: string;
  columnsOf(table: string): Promise<string[]>;
  indexesOf(table: string): Promise<string[]>;
}

/** Reads the catalog for one of the layouts other libraries write; everything here is read-only. */
export async function foreignLayout(name: PostgresLayoutName, catalog: CatalogReader): Promise<SqlEventLayout> {
  if (name === 'emmett') return emmettLayout(catalog);
  if (name === 'marten') return martenLayout(catalog);
  return messageDbLayout(catalog);
}

/** The guide's envelope from the fields a layout has; `lacks` lists what takes the guide's default. */
function envelope(fields: {
  eventType: string;
  data: unknown;
  eventId: string;
  timestamp: string;
  source: string;
  aggregateId: string | null;
  sequence: number;
  schemaVersion?: string;
  correlationId: unknown;
  causationId: unknown;
  tags?: Record<string, string>;
}): { event: Event; raw: string } {
  const event = freezeEvent<unknown>({
    event_type: fields.eventType,
    data: fields.data ?? null,
    metadata: {
      event_id: fields.eventId,
      version: DEFAULT_EVENT_VERSION,
      schema_version: fields.schemaVersion ?? '1.0',
      timestamp: fields.timestamp,
      source: fields.source,
      correlation_id: typeof fields.correlationId === 'string' ? fields.correlationId : null,
      causation_id: typeof fields.causationId === 'string' ? fields.causationId : null,
      aggregate_id: fields.aggregateId,
      sequence_number: fields.sequence,
      retry_count: 0,
      status: 'completed',
      tags: fields.tags ?? {},
    },
  });
  return { event, raw: serializeEvent(event) };
}

/** Values a list partition of `table` holds, from the catalog (Emmett's default changed between versions: `global`, `emt:default`, ...). */
async function partitionValues(catalog: CatalogReader, table: string): Promise<string[]> {
  const rows = (
    await catalog.pool.query(
      `SELECT pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = to_regclass($1)`,
      [`${quoteIdentifier(catalog.schema)}.${quoteIdentifier(table)}`],
    )
  ).rows as { bound: string | null }[];
  const values: string[] = [];
  for (const { bound } of rows) for (const match of (bound ?? '').matchAll(/'((?:[^']|'')*)'/g)) values.push(match[1].replace(/''/g, "'"));
  return values;
}

/**
 * Emmett (`emt_messages`, PostgreSQL): stream id, stream position, global
 * position, transaction id (xid8: live readers use the in-flight rule),
 * created, type, schema version, data and metadata jsonb; correlation and
 * causation inside the metadata (`correlationId`, `causationId`). Lacks: the
 * guide's version, source, retry count, status and tags. Every partition is
 * read (they are listed in the notes); archived rows are left out.
 */
async function emmettLayout(catalog: CatalogReader): Promise<SqlEventLayout> {
  const table = `${quoteIdentifier(catalog.schema)}.emt_messages`;
  const columns = await catalog.columnsOf('emt_messages');
  const indexes = await catalog.indexesOf('emt_messages');
  const partitions = await partitionValues(catalog, 'emt_messages');
  const scope = [columns.includes('is_archived') ? 'is_archived = FALSE' : 'TRUE', columns.includes('message_kind') ? "message_kind = 'E'" : 'TRUE'].join(' AND ');
  return {
    name: 'emmett',
    table,
    scope,
    position: 'global_position',
    transactionId: 'transaction_id',
    writtenAt: 'created',
    aggregate: 'stream_id',
    sequence: 'stream_position',
    eventType: 'message_type',
    eventId: 'message_id',
    correlation: "(message_metadata ->> 'correlationId')",
    source: null,
    timeFrom: (param) => `created >= ${epochMsToTimestamptz(param)}`,
    timeTo: (param) => `created <= ${epochMsToTimestamptz(param)}`,
    columns: 'message_type, message_data, message_id, created, stream_id, stream_position, message_schema_version, message_metadata',
    toRaw: (row: LayoutRow) => {
      const metadata = (row.message_metadata ?? {}) as Record<string, unknown>;
      return envelope({
        eventType: String(row.message_type),
        data: row.message_data,
        eventId: String(row.message_id),
        timestamp: isoOf(row.created),
        source: 'emmett',
        aggregateId: String(row.stream_id),
        sequence: Number(row.stream_position),
        schemaVersion: String(row.message_schema_version),
        correlationId: metadata.correlationId,
        causationId: metadata.causationId,
      });
    },
    lacks: ['version', 'source', 'retry_count', 'status', 'tags'],
    indexes: {
      correlation: indexState(indexes, "message_metadata ->> 'correlationId'", `CREATE INDEX emt_messages_correlation ON ${table} ((message_metadata ->> 'correlationId'), global_position)`),
      eventType: indexState(indexes, '(message_type', `CREATE INDEX emt_messages_type ON ${table} (message_type, global_position)`),
      time: indexState(indexes, '(created', `CREATE INDEX emt_messages_created ON ${table} (created)`),
    },
    writable: false,
    notes: [`Emmett partitions read: ${partitions.length > 0 ? partitions.join(', ') : '(none listed)'}`],
  };
}

/**
 * Marten (`mt_events`): seq_id (global), stream_id (uuid or string key),
 * version, type, timestamp, tenant_id, data; correlation_id / causation_id
 * columns only when Marten's metadata option is on, else from `headers`
 * (when that is on), else none. Lacks: the guide's version, source, retry
 * count, status and schema version (and correlation when neither is on).
 * No transaction id: live readers wait out seq_id gaps.
 */
async function martenLayout(catalog: CatalogReader): Promise<SqlEventLayout> {
  const table = `${quoteIdentifier(catalog.schema)}.mt_events`;
  const columns = await catalog.columnsOf('mt_events');
  const indexes = await catalog.indexesOf('mt_events');
  const hasHeaders = columns.includes('headers');
  const fromHeaders = (key: string) => (hasHeaders ? `COALESCE(headers ->> '${key}', headers ->> '${key.replace('_', '-')}')` : 'NULL::text');
  const correlation = columns.includes('correlation_id') ? 'correlation_id' : fromHeaders('correlation_id');
  const causation = columns.includes('causation_id') ? 'causation_id' : fromHeaders('causation_id');
  const lacks = ['version', 'source', 'retry_count', 'status', 'schema_version'];
  if (correlation === 'NULL::text') lacks.push('correlation_id', 'causation_id');
  const notes: string[] = [];
  if (!columns.includes('correlation_id')) notes.push(hasHeaders ? 'Marten correlation/causation columns are off: read from headers' : 'Marten correlation/causation metadata is off (opts.Events.MetadataConfig): no correlation ids');
  return {
    name: 'marten',
    table,
    scope: columns.includes('is_archived') ? 'is_archived IS NOT TRUE' : 'TRUE',
    position: 'seq_id',
    transactionId: null,
    writtenAt: '"timestamp"',
    aggregate: 'stream_id::text',
    sequence: 'version',
    eventType: 'type',
    eventId: 'id::text',
    correlation,
    source: null,
    timeFrom: (param) => `"timestamp" >= ${epochMsToTimestamptz(param)}`,
    timeTo: (param) => `"timestamp" <= ${epochMsToTimestamptz(param)}`,
    columns: `type, data, id::text AS id, "timestamp", stream_id::text AS stream, version, ${correlation} AS eb_correlation, ${causation} AS eb_causation${columns.includes('tenant_id') ? ', tenant_id' : ''}`,
    toRaw: (row: LayoutRow) =>
      envelope({
        eventType: String(row.type),
        data: row.data,
        eventId: String(row.id),
        timestamp: isoOf(row.timestamp),
        source: 'marten',
        aggregateId: row.stream === null ? null : String(row.stream),
        sequence: Number(row.version),
        correlationId: row.eb_correlation,
        causationId: row.eb_causation,
        tags: typeof row.tenant_id === 'string' ? { tenant_id: row.tenant_id } : {},
      }),
    lacks,
    indexes: {
      correlation: indexState(indexes, correlation, `CREATE INDEX mt_events_correlation ON ${table} (${correlation === 'correlation_id' ? 'correlation_id' : `(${correlation})`})`),
      eventType: indexState(indexes, '(type', `CREATE INDEX mt_events_type ON ${table} (type, seq_id)`),
      time: indexState(indexes, '(timestamp', `CREATE INDEX mt_events_timestamp ON ${table} ("timestamp")`),
    },
    writable: false,
    notes,
  };
}

/**
 * message-db (`messages`, usually in schema `message_store`): global_position,
 * stream_name (the aggregate), position (from 0), type, time (UTC, without
 * zone), data and metadata jsonb; correlation is `metadata.correlationStreamName`,
 * causation `metadata.causationMessageStreamName/causationMessagePosition`.
 * Lacks: the guide's version, source, retry count, status, schema version
 * and tags. No transaction id: live readers wait out gaps.
 */
async function messageDbLayout(catalog: CatalogReader): Promise<SqlEventLayout> {
  const table = `${quoteIdentifier(catalog.schema)}.messages`;
  const indexes = await catalog.indexesOf('messages');
  const correlation = "(metadata ->> 'correlationStreamName')";
  const utc = (param: string) => `(${epochMsToTimestamptz(param)} AT TIME ZONE 'utc')`;
  return {
    name: 'message-db',
    table,
    scope: 'TRUE',
    position: 'global_position',
    transactionId: null,
    writtenAt: `(time AT TIME ZONE 'utc')`,
    aggregate: 'stream_name',
    sequence: 'position',
    eventType: 'type',
    eventId: 'id::text',
    correlation,
    source: null,
    timeFrom: (param) => `time >= ${utc(param)}`,
    timeTo: (param) => `time <= ${utc(param)}`,
    columns: `type, data, id::text AS id, to_char(time, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS time_text, stream_name, position, metadata`,
    toRaw: (row: LayoutRow) => {
      const metadata = (row.metadata ?? {}) as Record<string, unknown>;
      const causationStream = metadata.causationMessageStreamName;
      return envelope({
        eventType: String(row.type),
        data: row.data,
        eventId: String(row.id),
        timestamp: String(row.time_text),
        source: 'message-db',
        aggregateId: String(row.stream_name),
        sequence: Number(row.position),
        correlationId: metadata.correlationStreamName,
        causationId: typeof causationStream === 'string' ? `${causationStream}/${String(metadata.causationMessagePosition)}` : null,
      });
    },
    lacks: ['version', 'source', 'retry_count', 'status', 'schema_version', 'tags'],
    indexes: {
      correlation: indexState(indexes, "metadata ->> 'correlationStreamName'", `CREATE INDEX messages_correlation ON ${table} ((metadata ->> 'correlationStreamName'), global_position)`),
      eventType: indexState(indexes, '(type', `CREATE INDEX messages_type ON ${table} (type, global_position)`),
      time: indexState(indexes, '(time', `CREATE INDEX messages_time ON ${table} (time)`),
    },
    writable: false,
    notes: [],
  };
}
