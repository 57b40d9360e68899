import type { RawEvent } from '../rawEvent';

export type PostgresLayoutName = 'eventbus' | 'emmett' | 'marten' | 'message-db';

/** A row as the layout's `columns` select it (pg's text/jsonb/number values). */
export type LayoutRow = Readonly<Record<string, unknown>>;

/**
 * How one PostgreSQL event-store layout answers the backend's questions: the
 * SQL expressions of the guide's envelope fields over its tables, and how a
 * row becomes an event. The project's own layout (ownLayout.ts) and the
 * layouts people already have (Emmett, Marten, message-db: foreignLayouts.ts)
 * are each one of these; postgresBackend.ts asks them all the same way.
 */
export interface SqlEventLayout {
  readonly name: PostgresLayoutName;
  /** The events table, schema-qualified and quoted. */
  readonly table: string;
  /** A condition every read applies (a partition, rows not archived); `TRUE` for none. */
  readonly scope: string;
  /** The global position (bigint): the store order. */
  readonly position: string;
  /**
   * The writing transaction's id (xid8), for the in-flight rule of live
   * readers; null when the layout has none (then the reader waits out gaps
   * in the position, as Marten's high-water mark does).
   */
  readonly transactionId: string | null;
  /** When the row was written (timestamptz), for a layout without transaction ids: a gap older than a few seconds is no write in flight. */
  readonly writtenAt: string;
  readonly aggregate: string;
  readonly sequence: string;
  readonly eventType: string;
  readonly eventId: string;
  readonly correlation: string;
  readonly source: string | null;
  /** The event time as a SQL condition against epoch ms (`$n` is the parameter). */
  timeFrom(param: string): string;
  timeTo(param: string): string;
  /** The select list `toRaw` reads. */
  readonly columns: string;
  toRaw(row: LayoutRow): RawEvent;
  /** Envelope fields this layout does not store (filled with the guide's defaults, named in capabilities). */
  readonly lacks: readonly string[];
  /** Whether a query by this field can use an index, and the statement that would add one. */
  readonly indexes: Readonly<Record<IndexedQuestion, IndexState>>;
  /** Only the project's own layout is written; the others are read-only. */
  readonly writable: boolean;
  /** Anything the user should know about this store (versions, partitions read). */
  readonly notes: readonly string[];
}

export type IndexedQuestion = 'correlation' | 'eventType' | 'time';

export interface IndexState {
  readonly indexed: boolean;
  readonly advice: string;
}

/** Whether some index of the table is over `expression` (pg_indexes' normalised text, e.g. `message_metadata ->> 'correlationId'`). */
export function indexState(indexDefinitions: readonly string[], expression: string, advice: string): IndexState {
  const wanted = normaliseIndexText(expression);
  return { indexed: indexDefinitions.some((definition) => normaliseIndexText(definition).includes(wanted)), advice };
}

/** Index text without casts, quotes, parentheses or spaces, so two spellings of one expression compare equal. */
function normaliseIndexText(text: string): string {
  return text.replace(/::text/g, '').replace(/[()\s"]/g, '').toLowerCase();
}

/** Epoch ms to a timestamptz parameter in SQL. */
export function epochMsToTimestamptz(param: string): string {
  return `to_timestamp(${param}::float8 / 1000)`;
}

/** A timestamptz (pg returns a Date) as the guide's ISO text with microseconds dropped to ms and `Z`. */
export function isoOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? value : new Date(Number(value)).toISOString();
}
