"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ownLayout = ownLayout;
const parseEventLine_1 = require("../../store/parseEventLine");
const postgresLayout_1 = require("./postgresLayout");
const sqlEventLayout_1 = require("./sqlEventLayout");
/**
 * The project's own layout (postgresLayout.ts) as the backend reads it: every
 * envelope field is a column, the line as written is `raw` (so nothing is
 * rebuilt and number text survives). `hasTransactionIds` is false for a table
 * made before live tailing (the backend then waits out position gaps).
 */
function ownLayout(schema, hasTransactionIds, indexDefinitions) {
    const table = `${(0, postgresLayout_1.quoteIdentifier)(schema)}.${postgresLayout_1.EVENTS_TABLE}`;
    return {
        name: 'eventbus',
        table,
        scope: 'TRUE',
        position: 'global_position',
        transactionId: hasTransactionIds ? 'transaction_id' : null,
        writtenAt: 'to_timestamp(timestamp_ms / 1000)',
        aggregate: 'aggregate_id',
        sequence: 'sequence_number',
        eventType: 'event_type',
        eventId: 'event_id',
        correlation: 'correlation_id',
        source: 'source',
        timeFrom: (param) => `timestamp_ms >= ${param}`,
        timeTo: (param) => `timestamp_ms <= ${param}`,
        columns: 'raw',
        toRaw(row) {
            const raw = String(row.raw);
            // As a folder's line is read: the nesting limit checked, the envelope's shape made sure, frozen.
            return { event: (0, parseEventLine_1.parseEventLine)(raw, `${table} global_position ${String(row.eb_position ?? '?')}`), raw };
        },
        lacks: [],
        indexes: {
            correlation: (0, sqlEventLayout_1.indexState)(indexDefinitions, '(correlation_id', `CREATE INDEX ON ${table} (correlation_id, global_position)`),
            eventType: (0, sqlEventLayout_1.indexState)(indexDefinitions, '(event_type', `CREATE INDEX ON ${table} (event_type, global_position)`),
            time: (0, sqlEventLayout_1.indexState)(indexDefinitions, '(timestamp_ms', `CREATE INDEX ON ${table} (timestamp_ms)`),
        },
        writable: true,
        notes: hasTransactionIds ? [] : [`${table} has no transaction_id column (made by an older eventbus): live reads wait out gaps in global_position; eventbus copy --to this store adds the column`],
    };
}
//# sourceMappingURL=ownLayout.js.map