/**
 * What the query, export and row commands read from a tree row: an
 * aggregate or correlation row (a group node), or an event row. Only the
 * fields they need are checked, so rows from other views (or a test's
 * plain object) work too.
 */
export interface GroupRow {
  readonly groupBy: 'aggregate' | 'correlation';
  readonly key: string;
  readonly store: string;
}

export interface EventRow {
  readonly eventId: string;
  readonly type: string;
  readonly store: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function groupRowOf(value: unknown): GroupRow | undefined {
  if (!isRecord(value) || value.kind !== 'group') return undefined;
  const summary = value.summary;
  if ((value.groupBy !== 'aggregate' && value.groupBy !== 'correlation') || !isRecord(summary) || typeof summary.key !== 'string') return undefined;
  if (typeof value.store !== 'string') return undefined;
  return { groupBy: value.groupBy, key: summary.key, store: value.store };
}

export function eventRowOf(value: unknown): EventRow | undefined {
  if (!isRecord(value) || value.kind !== 'event' || !isRecord(value.entry)) return undefined;
  const { eventId, type } = value.entry;
  if (typeof eventId !== 'string' || typeof type !== 'string' || typeof value.store !== 'string') return undefined;
  return { eventId, type, store: value.store };
}

/** A query that selects exactly one aggregate's or correlation's events (the id quoted as a JSON string). */
export function groupQuery(row: GroupRow): string {
  return `${row.groupBy} == ${JSON.stringify(row.key)}`;
}
