import { parseEventLine } from '../../store/parseEventLine';
import { EVENTS_TABLE, quoteIdentifier } from './postgresLayout';
import { indexState, type LayoutRow, type SqlEventLayout } from './sqlEventLayout';

/**
 * The project's own layout (postgresLayout.ts) as the backend reads it: every
 * envelope field is a column, the line as written is `raw` (so nothing is
 * rebuilt and number text survives). `hasTransactionIds` is false for a table
 * made before live tailing (the backend then waits out position gaps).
 */
export function ownLayout(schema: string, hasTransactionIds: boolean, indexDefinitions: readonly string[]): SqlEventLayout {
  const table = `${quoteIdentifier(schema)}.${EVENTS_TABLE}`;
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
    toRaw(row: LayoutRow) {
      const raw = String(row.raw);
      // As a folder's line is read: the nesting limit checked, the envelope's shape made sure, frozen.
      return { event: parseEventLine(raw, `${table} global_position ${String(row.eb_position ?? '?')}`), raw };
    },
    lacks: [],
    indexes: {
      correlation: indexState(indexDefinitions, '(correlation_id', `CREATE INDEX ON ${table} (correlation_id, global_position)`),
      eventType: indexState(indexDefinitions, '(event_type', `CREATE INDEX ON ${table} (event_type, global_position)`),
      time: indexState(indexDefinitions, '(timestamp_ms', `CREATE INDEX ON ${table} (timestamp_ms)`),
    },
    writable: true,
    notes: hasTransactionIds ? [] : [`${table} has no transaction_id column (made by an older eventbus): live reads wait out gaps in global_position; eventbus copy --to this store adds the column`],
  };
}
