import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { freezeEvent, serializeEvent, type Event } from '../../model/event';
import { parseTimestamp } from '../../model/timestamp';
import type { Snapshot, SnapshotRef } from '../../model/snapshotTypes';
import { SNAPSHOTS_DIR } from '../../store/layout';
import type { EventCounts, EventQuery, EventStorage, StorageHealth } from '../../store/storage';
import type { AppendOutcome, RawEvent } from '../rawEvent';
import type { ExpectedAppendOutcome } from '../storeBackend';
import { assertOneAggregate } from '../aggregatePage';
import { redactUrl } from '../storeLocation';
import { describePostgresError } from './postgresErrors';
import { EVENTS_TABLE, layoutStatements, quoteIdentifier, SNAPSHOTS_TABLE } from './postgresLayout';

export interface PostgresOpenOptions {
  /** Create the schema and tables when missing (an explicit writing command only). */
  readonly create?: boolean;
  /** Connection timeout, ms (default 5,000): an unreachable host fails instead of hanging. */
  readonly connectTimeoutMs?: number;
}

/** The sequence order key: an event whose sequence is not a number sorts first, as -1 (never lost between pages). */
const SEQUENCE_KEY = 'COALESCE(sequence_number, -1)';

/** Rows read per round trip when streaming a query. */
const PAGE = 1_000;

const COLUMNS = [
  'event_id',
  'event_type',
  'version',
  'schema_version',
  'timestamp',
  'timestamp_ms',
  'source',
  'correlation_id',
  'causation_id',
  'aggregate_id',
  'sequence_number',
  'retry_count',
  'status',
  'data',
  'metadata',
  'raw',
] as const;

const COLUMN_TYPES = ['text', 'text', 'text', 'text', 'text', 'float8', 'text', 'text', 'text', 'text', 'int8', 'int4', 'text', 'jsonb', 'jsonb', 'text'];

/** COPY's text format: `\\N` for NULL; backslash, tab, newline and carriage return escaped. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** The COPY input of a batch, in chunks of about 64 KB (one write per row would cost more than the rows); the staging table takes an ordinal first. */
function* copyLines(records: readonly RawEvent[], withOrdinal: boolean): Iterable<string> {
  let chunk = '';
  for (let i = 0; i < records.length; i++) {
    chunk += `${withOrdinal ? `${i}\t` : ''}${rowOf(records[i].event, records[i].raw).map(copyField).join('\t')}\n`;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * An `EventStorage` over PostgreSQL in the project's own layout
 * (postgresLayout.ts). Read-only unless opened with `create` or written to
 * through an explicit command; reads stream in pages by keyset, never
 * holding a whole result.
 */
export class PostgresEventStorage implements EventStorage {
  readonly kind = 'postgres';
  private readonly events: string;
  private readonly snapshots: string;

  private constructor(
    readonly url: string,
    private readonly pool: pg.Pool,
    readonly schema: string,
  ) {
    this.events = `${quoteIdentifier(schema)}.${EVENTS_TABLE}`;
    this.snapshots = `${quoteIdentifier(schema)}.${SNAPSHOTS_TABLE}`;
  }

  static async open(url: string, options: PostgresOpenOptions = {}): Promise<PostgresEventStorage> {
    const { pool, schema } = openPool(url, options.connectTimeoutMs);
    const storage = new PostgresEventStorage(url, pool, schema);
    try {
      if (options.create) for (const statement of layoutStatements(schema)) await pool.query(statement);
      await pool.query(`SELECT 1 FROM ${storage.events} LIMIT 0`);
    } catch (error) {
      await pool.end().catch(() => {});
      throw describePostgresError(url, error);
    }
    return storage;
  }

  /** Over a pool the caller owns and has checked (the backend shares its pool for appends and snapshots). */
  static over(url: string, pool: pg.Pool, schema: string): PostgresEventStorage {
    return new PostgresEventStorage(url, pool, schema);
  }

  async append(events: readonly Event[]): Promise<void> {
    const outcome = await this.appendRaw(events.map((event) => ({ event, raw: serializeEvent(event) })));
    if (outcome.conflicts.length > 0) {
      const first = outcome.conflicts[0].event.metadata;
      throw new Error(`${this.describe()}: sequence ${first.sequence_number} of aggregate ${first.aggregate_id} is already taken by another event (expected version conflict)`);
    }
  }

  /** Whether the last batch went in whole: then the next one is tried by a plain COPY into the table. */
  private copyDirect = true;

  /**
   * Inserts events with their original lines, skipping event ids already
   * stored (so a copy can resume). A batch is first COPied straight into
   * the table (as fast as a plain COPY); when that meets a stored event id or
   * (aggregate, sequence), it is rolled back and the batch goes through a
   * staging table and INSERT … ON CONFLICT DO NOTHING, which says what was
   * already there and what conflicts, until a batch goes in whole again.
   */
  async appendRaw(records: readonly RawEvent[]): Promise<AppendOutcome> {
    if (records.length === 0) return { inserted: 0, alreadyThere: 0, conflicts: [] };
    const quoted = COLUMNS.map((c) => `"${c}"`).join(', ');
    const client = await this.checkOut();
    if (this.copyDirect) {
      try {
        await client.query('BEGIN');
        await pipeline(Readable.from(copyLines(records, false)), client.query(copyFrom(`COPY ${this.events} (${quoted}) FROM STDIN`)));
        await client.query('COMMIT');
        client.release();
        return { inserted: records.length, alreadyThere: 0, conflicts: [] };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        if ((error as { code?: string }).code !== '23505' || client.lost) {
          client.release(client.lost ?? (error as Error));
          throw describePostgresError(this.url, error);
        }
        this.copyDirect = false;
      }
    }
    try {
      // COPY into a session-local staging table (the speed of a plain COPY),
      // then one INSERT … ON CONFLICT DO NOTHING keeps the copy idempotent.
      await client.query(`CREATE TEMP TABLE IF NOT EXISTS eventbus_incoming (ord bigint, ${COLUMNS.map((c, i) => `"${c}" ${COLUMN_TYPES[i]}`).join(', ')}) ON COMMIT DELETE ROWS`);
      await client.query('BEGIN');
      await pipeline(Readable.from(copyLines(records, true)), client.query(copyFrom(`COPY eventbus_incoming (ord, ${quoted}) FROM STDIN`)));
      const result = await client.query(`INSERT INTO ${this.events} (${quoted}) SELECT ${quoted} FROM eventbus_incoming ORDER BY ord ON CONFLICT DO NOTHING RETURNING event_id`);
      await client.query('COMMIT');
      // Each returned id stands for one record: a second record with the same id in this batch was not inserted.
      const unclaimed = new Set(result.rows.map((row: { event_id: string }) => row.event_id));
      const notInserted = records.filter((r) => !unclaimed.delete(r.event.metadata.event_id));
      const inserted = records.length - notInserted.length;
      this.copyDirect = notInserted.length === 0;
      if (notInserted.length === 0) return { inserted, alreadyThere: 0, conflicts: [] };
      const present = await client.query(`SELECT event_id FROM ${this.events} WHERE event_id = ANY($1::text[])`, [notInserted.map((r) => r.event.metadata.event_id)]);
      const there = new Set(present.rows.map((row: { event_id: string }) => row.event_id));
      return {
        inserted,
        alreadyThere: notInserted.filter((r) => there.has(r.event.metadata.event_id)).length,
        conflicts: notInserted.filter((r) => !there.has(r.event.metadata.event_id)),
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw describePostgresError(this.url, error);
    } finally {
      client.release(client.lost);
    }
  }

  /**
   * Appends one aggregate's events in one transaction, only if its highest
   * stored sequence number is `expectedVersion` (-1: none yet). A lock per
   * aggregate orders writers of this process family; the unique key on
   * (aggregate, sequence) refuses any other writer that raced in.
   */
  async appendExpecting(aggregateId: string, expectedVersion: number, events: readonly Event[]): Promise<ExpectedAppendOutcome> {
    assertOneAggregate(aggregateId, events);
    let previous = expectedVersion;
    for (const event of events) {
      const m = event.metadata;
      if (!Number.isSafeInteger(m.sequence_number) || m.sequence_number <= previous) throw new Error(`${this.describe()}: event ${m.event_id} has sequence ${m.sequence_number}, expected more than ${previous}`);
      previous = m.sequence_number;
    }
    const client = await this.checkOut();
    const lastOf = async (): Promise<number> => {
      const row = (await client.query(`SELECT max(sequence_number) AS last FROM ${this.events} WHERE aggregate_id = $1`, [aggregateId])).rows[0] as { last: string | null };
      return row.last === null ? -1 : Number(row.last);
    };
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${this.events}/${aggregateId}`]);
      const actualVersion = await lastOf();
      if (actualVersion !== expectedVersion) {
        await client.query('ROLLBACK');
        return { ok: false, reason: 'version-mismatch', actualVersion };
      }
      if (events.length > 0) {
        const params: unknown[] = [];
        const rows = events.map((event) => `(${rowOf(event, serializeEvent(event)).map((value, i) => `$${params.push(value)}::${COLUMN_TYPES[i]}`).join(', ')})`);
        await client.query(`INSERT INTO ${this.events} (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${rows.join(', ')}`, params);
      }
      await client.query('COMMIT');
      return { ok: true, lastSequenceNumber: previous };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      const failure = error as { code?: string; constraint?: string };
      if (failure.code === '23505' && failure.constraint?.includes('event_id')) throw new Error(`${this.describe()}: an event with one of these event ids is already stored`);
      if (failure.code === '23505') return { ok: false, reason: 'version-mismatch', actualVersion: await lastOf() };
      throw describePostgresError(this.url, error);
    } finally {
      client.release(client.lost);
    }
  }

  async *query(query: EventQuery): AsyncIterable<Event> {
    for await (const { raw } of this.queryRaw(query)) yield freezeEvent(JSON.parse(raw) as Event);
  }

  /**
   * Matching events with their lines, streamed by keyset pages: store order
   * (global position), or sequence order for an aggregate, as EventQuery says.
   */
  async *queryRaw(query: EventQuery): AsyncIterable<RawEvent & { readonly globalPosition: number }> {
    const limit = query.limit ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return;
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.aggregateId !== undefined) where.push(`aggregate_id = ${param(query.aggregateId)}`);
    if (query.correlationId !== undefined) where.push(`correlation_id = ${param(query.correlationId)}`);
    if (query.eventType !== undefined) where.push(`event_type = ${param(query.eventType)}`);
    if (query.source !== undefined) where.push(`source = ${param(query.source)}`);
    if (query.since !== undefined) where.push(`timestamp_ms >= ${param(query.since)}`);
    if (query.until !== undefined) where.push(`timestamp_ms <= ${param(query.until)}`);
    if (query.fromSequenceNumber !== undefined) where.push(`sequence_number >= ${param(query.fromSequenceNumber)}`);
    if (query.toSequenceNumber !== undefined) where.push(`sequence_number <= ${param(query.toSequenceNumber)}`);
    const bySequence = query.aggregateId !== undefined;
    let afterSequence: number | null = null;
    let afterPosition = 0;
    let yielded = 0;
    for (;;) {
      const pageParams = [...params];
      const keyset = bySequence
        ? afterSequence === null
          ? 'TRUE'
          : `(${SEQUENCE_KEY}, global_position) > ($${pageParams.push(afterSequence)}, $${pageParams.push(afterPosition)})`
        : `global_position > $${pageParams.push(afterPosition)}`;
      const order = bySequence ? `${SEQUENCE_KEY}, global_position` : 'global_position';
      const sql = `SELECT global_position, ${SEQUENCE_KEY} AS sequence_number, raw FROM ${this.events} WHERE ${[...where, keyset].join(' AND ')} ORDER BY ${order} LIMIT ${Math.min(PAGE, limit - yielded)}`;
      let rows: { global_position: string; sequence_number: string; raw: string }[];
      try {
        rows = (await this.pool.query(sql, pageParams)).rows;
      } catch (error) {
        throw describePostgresError(this.url, error);
      }
      for (const row of rows) {
        yield { event: freezeEvent(JSON.parse(row.raw) as Event), raw: row.raw, globalPosition: Number(row.global_position) };
        if (++yielded >= limit) return;
      }
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1];
      afterPosition = Number(last.global_position);
      afterSequence = Number(last.sequence_number);
    }
  }

  async getEvent(eventId: string): Promise<Event | undefined> {
    const raw = await this.rawOf(eventId);
    return raw === undefined ? undefined : freezeEvent(JSON.parse(raw) as Event);
  }

  /** The stored line of an event id, exactly as it was written. */
  async rawOf(eventId: string): Promise<string | undefined> {
    const result = await this.run<{ raw: string }>(`SELECT raw FROM ${this.events} WHERE event_id = $1`, [eventId]);
    return result[0]?.raw;
  }

  /** The stored lines of these event ids (ids not stored are absent from the map). */
  async rawsOf(eventIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.run<{ event_id: string; raw: string }>(`SELECT event_id, raw FROM ${this.events} WHERE event_id = ANY($1::text[])`, [eventIds]);
    return new Map(rows.map((row) => [row.event_id, row.raw]));
  }

  /** How many events the store holds. */
  async total(): Promise<number> {
    const rows = await this.run<{ n: string }>(`SELECT count(*) AS n FROM ${this.events}`, []);
    return Number(rows[0].n);
  }

  async lastSequence(aggregateId?: string): Promise<number> {
    const rows =
      aggregateId === undefined
        ? await this.run<{ last: string | null }>(`SELECT max(sequence_number) AS last FROM ${this.events}`, [])
        : await this.run<{ last: string | null }>(`SELECT max(sequence_number) AS last FROM ${this.events} WHERE aggregate_id = $1`, [aggregateId]);
    return rows[0]?.last === null || rows[0]?.last === undefined ? -1 : Number(rows[0].last);
  }

  async countEvents(): Promise<EventCounts> {
    const rows = await this.run<{ aggregate_id: string | null; n: string }>(`SELECT aggregate_id, count(*) AS n FROM ${this.events} GROUP BY aggregate_id`, []);
    let total = 0;
    const byAggregate = new Map<string, number>();
    for (const row of rows) {
      total += Number(row.n);
      if (row.aggregate_id !== null && row.aggregate_id !== '') byAggregate.set(row.aggregate_id, Number(row.n));
    }
    return { total, byAggregate };
  }

  async saveSnapshot(snapshot: Snapshot): Promise<SnapshotRef> {
    const raw = JSON.stringify(snapshot);
    await this.run(
      `INSERT INTO ${this.snapshots} (aggregate_id, sequence_number, "timestamp", state, raw) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (aggregate_id, sequence_number) DO UPDATE SET "timestamp" = EXCLUDED."timestamp", state = EXCLUDED.state, raw = EXCLUDED.raw`,
      [snapshot.aggregate_id, snapshot.sequence_number, snapshot.timestamp, JSON.stringify(snapshot.state ?? null), raw],
    );
    return snapshotRef(snapshot.aggregate_id, snapshot.sequence_number);
  }

  async listSnapshots(aggregateId?: string): Promise<readonly SnapshotRef[]> {
    const rows =
      aggregateId === undefined
        ? await this.run<{ aggregate_id: string; sequence_number: string }>(`SELECT aggregate_id, sequence_number FROM ${this.snapshots} ORDER BY aggregate_id, sequence_number`, [])
        : await this.run<{ aggregate_id: string; sequence_number: string }>(`SELECT aggregate_id, sequence_number FROM ${this.snapshots} WHERE aggregate_id = $1 ORDER BY sequence_number`, [aggregateId]);
    return rows.map((row) => snapshotRef(row.aggregate_id, Number(row.sequence_number)));
  }

  async loadSnapshot(ref: SnapshotRef): Promise<Snapshot> {
    const rows = await this.run<{ raw: string }>(`SELECT raw FROM ${this.snapshots} WHERE aggregate_id = $1 AND sequence_number = $2`, [ref.aggregate_id, ref.sequence_number]);
    if (rows.length === 0) throw new Error(`${this.describe()}: no snapshot of aggregate "${ref.aggregate_id}" at sequence ${ref.sequence_number}`);
    return JSON.parse(rows[0].raw) as Snapshot;
  }

  async health(): Promise<StorageHealth> {
    try {
      const rows = await this.run<{ n: string }>(`SELECT count(*) AS n FROM ${this.events}`, []);
      return { healthy: true, detail: `PostgreSQL ${this.describe()}`, events: Number(rows[0].n) };
    } catch (error) {
      return { healthy: false, detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** The store's URL without its password. */
  describe(): string {
    return redactUrl(this.url);
  }

  /**
   * A client of the pool for a transaction. A server that dies mid-COPY makes
   * the client emit 'error' besides failing the query: without a listener that
   * would end the process, so the error is noted here (the query reports it)
   * and the client is destroyed on release instead of going back to the pool.
   */
  private async checkOut(): Promise<pg.PoolClient & { lost?: Error }> {
    const client: pg.PoolClient & { lost?: Error } = await this.pool.connect();
    client.lost = undefined;
    client.removeAllListeners('error');
    client.on('error', (error: Error) => {
      client.lost = error;
    });
    return client;
  }

  private async run<Row extends object>(sql: string, params: readonly unknown[]): Promise<Row[]> {
    try {
      return (await this.pool.query(sql, params as unknown[])).rows as Row[];
    } catch (error) {
      throw describePostgresError(this.url, error);
    }
  }
}

/**
 * A pool for a store URL (`?schema=` read and left out of the connection
 * string) with a connect timeout, so an unreachable host fails instead of hanging.
 */
export function openPool(url: string, connectTimeoutMs = 5_000, max = 2): { pool: pg.Pool; schema: string; connectionString: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  parsed.searchParams.delete('schema');
  const connectionString = parsed.toString();
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: connectTimeoutMs });
  // An idle client that loses its server must not crash the process: the next query reports it.
  pool.on('error', () => {});
  return { pool, schema, connectionString };
}

function rowOf(event: Event, raw: string): unknown[] {
  const m = event.metadata;
  const timestampMs = typeof m.timestamp === 'string' ? parseTimestamp(m.timestamp) : Number.NaN;
  return [
    m.event_id,
    event.event_type,
    m.version ?? null,
    m.schema_version ?? null,
    m.timestamp ?? null,
    Number.isFinite(timestampMs) ? timestampMs : null,
    m.source ?? null,
    m.correlation_id ?? null,
    m.causation_id ?? null,
    m.aggregate_id ?? null,
    Number.isSafeInteger(m.sequence_number) ? m.sequence_number : null,
    Number.isSafeInteger(m.retry_count) ? m.retry_count : null,
    m.status ?? null,
    JSON.stringify(event.data ?? null),
    JSON.stringify(m),
    raw,
  ];
}

function snapshotRef(aggregateId: string, sequence: number): SnapshotRef {
  return { aggregate_id: aggregateId, sequence_number: sequence, file: `${SNAPSHOTS_DIR}/snapshot_${aggregateId}_${sequence}.json` };
}
