"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FOREIGN_TABLES = void 0;
exports.foreignLayout = foreignLayout;
const event_1 = require("../../model/event");
const postgresLayout_1 = require("./postgresLayout");
const sqlEventLayout_1 = require("./sqlEventLayout");
/** The table that marks each layout someone else's library writes. */
exports.FOREIGN_TABLES = [
    { name: 'emmett', table: 'emt_messages' },
    { name: 'marten', table: 'mt_events' },
    { name: 'message-db', table: 'messages' },
];
/** Reads the catalog for one of the layouts other libraries write; everything here is read-only. */
async function foreignLayout(name, catalog) {
    if (name === 'emmett')
        return emmettLayout(catalog);
    if (name === 'marten')
        return martenLayout(catalog);
    return messageDbLayout(catalog);
}
/** The guide's envelope from the fields a layout has; `lacks` lists what takes the guide's default. */
function envelope(fields) {
    const event = (0, event_1.freezeEvent)({
        event_type: fields.eventType,
        data: fields.data ?? null,
        metadata: {
            event_id: fields.eventId,
            version: event_1.DEFAULT_EVENT_VERSION,
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
    return { event, raw: (0, event_1.serializeEvent)(event) };
}
/** Values a list partition of `table` holds, from the catalog (Emmett's default changed between versions: `global`, `emt:default`, ...). */
async function partitionValues(catalog, table) {
    const rows = (await catalog.pool.query(`SELECT pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = to_regclass($1)`, [`${(0, postgresLayout_1.quoteIdentifier)(catalog.schema)}.${(0, postgresLayout_1.quoteIdentifier)(table)}`])).rows;
    const values = [];
    for (const { bound } of rows)
        for (const match of (bound ?? '').matchAll(/'((?:[^']|'')*)'/g))
            values.push(match[1].replace(/''/g, "'"));
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
async function emmettLayout(catalog) {
    const table = `${(0, postgresLayout_1.quoteIdentifier)(catalog.schema)}.emt_messages`;
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
        timeFrom: (param) => `created >= ${(0, sqlEventLayout_1.epochMsToTimestamptz)(param)}`,
        timeTo: (param) => `created <= ${(0, sqlEventLayout_1.epochMsToTimestamptz)(param)}`,
        columns: 'message_type, message_data, message_id, created, stream_id, stream_position, message_schema_version, message_metadata',
        toRaw: (row) => {
            const metadata = (row.message_metadata ?? {});
            return envelope({
                eventType: String(row.message_type),
                data: row.message_data,
                eventId: String(row.message_id),
                timestamp: (0, sqlEventLayout_1.isoOf)(row.created),
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
            correlation: (0, sqlEventLayout_1.indexState)(indexes, "message_metadata ->> 'correlationId'", `CREATE INDEX emt_messages_correlation ON ${table} ((message_metadata ->> 'correlationId'), global_position)`),
            eventType: (0, sqlEventLayout_1.indexState)(indexes, '(message_type', `CREATE INDEX emt_messages_type ON ${table} (message_type, global_position)`),
            time: (0, sqlEventLayout_1.indexState)(indexes, '(created', `CREATE INDEX emt_messages_created ON ${table} (created)`),
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
async function martenLayout(catalog) {
    const table = `${(0, postgresLayout_1.quoteIdentifier)(catalog.schema)}.mt_events`;
    const columns = await catalog.columnsOf('mt_events');
    const indexes = await catalog.indexesOf('mt_events');
    const hasHeaders = columns.includes('headers');
    const fromHeaders = (key) => (hasHeaders ? `COALESCE(headers ->> '${key}', headers ->> '${key.replace('_', '-')}')` : 'NULL::text');
    const correlation = columns.includes('correlation_id') ? 'correlation_id' : fromHeaders('correlation_id');
    const causation = columns.includes('causation_id') ? 'causation_id' : fromHeaders('causation_id');
    const lacks = ['version', 'source', 'retry_count', 'status', 'schema_version'];
    if (correlation === 'NULL::text')
        lacks.push('correlation_id', 'causation_id');
    const notes = [];
    if (!columns.includes('correlation_id'))
        notes.push(hasHeaders ? 'Marten correlation/causation columns are off: read from headers' : 'Marten correlation/causation metadata is off (opts.Events.MetadataConfig): no correlation ids');
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
        timeFrom: (param) => `"timestamp" >= ${(0, sqlEventLayout_1.epochMsToTimestamptz)(param)}`,
        timeTo: (param) => `"timestamp" <= ${(0, sqlEventLayout_1.epochMsToTimestamptz)(param)}`,
        columns: `type, data, id::text AS id, "timestamp", stream_id::text AS stream, version, ${correlation} AS eb_correlation, ${causation} AS eb_causation${columns.includes('tenant_id') ? ', tenant_id' : ''}`,
        toRaw: (row) => envelope({
            eventType: String(row.type),
            data: row.data,
            eventId: String(row.id),
            timestamp: (0, sqlEventLayout_1.isoOf)(row.timestamp),
            source: 'marten',
            aggregateId: row.stream === null ? null : String(row.stream),
            sequence: Number(row.version),
            correlationId: row.eb_correlation,
            causationId: row.eb_causation,
            tags: typeof row.tenant_id === 'string' ? { tenant_id: row.tenant_id } : {},
        }),
        lacks,
        indexes: {
            correlation: (0, sqlEventLayout_1.indexState)(indexes, correlation, `CREATE INDEX mt_events_correlation ON ${table} (${correlation === 'correlation_id' ? 'correlation_id' : `(${correlation})`})`),
            eventType: (0, sqlEventLayout_1.indexState)(indexes, '(type', `CREATE INDEX mt_events_type ON ${table} (type, seq_id)`),
            time: (0, sqlEventLayout_1.indexState)(indexes, '(timestamp', `CREATE INDEX mt_events_timestamp ON ${table} ("timestamp")`),
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
async function messageDbLayout(catalog) {
    const table = `${(0, postgresLayout_1.quoteIdentifier)(catalog.schema)}.messages`;
    const indexes = await catalog.indexesOf('messages');
    const correlation = "(metadata ->> 'correlationStreamName')";
    const utc = (param) => `(${(0, sqlEventLayout_1.epochMsToTimestamptz)(param)} AT TIME ZONE 'utc')`;
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
        toRaw: (row) => {
            const metadata = (row.metadata ?? {});
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
            correlation: (0, sqlEventLayout_1.indexState)(indexes, "metadata ->> 'correlationStreamName'", `CREATE INDEX messages_correlation ON ${table} ((metadata ->> 'correlationStreamName'), global_position)`),
            eventType: (0, sqlEventLayout_1.indexState)(indexes, '(type', `CREATE INDEX messages_type ON ${table} (type, global_position)`),
            time: (0, sqlEventLayout_1.indexState)(indexes, '(time', `CREATE INDEX messages_time ON ${table} (time)`),
        },
        writable: false,
        notes: [],
    };
}
//# sourceMappingURL=foreignLayouts.js.map