/**
 * What the query, export and row commands read from a tree row: an
 * aggregate or correlation row (a group node), or an event row. Only the
 * fields they need are checked, so rows from other views (or a test's
 * plain object) work too.
 */
export interface GroupRow {
  readonly groupBy: 'aggregate' | 'correlation';
  readonly key: string;
  readonly store: string | undefined;
}

export interface EventRow {
  readonly eventId: string;
  readonly type: string;
  readonly store: string | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function groupRowOf(value: unknown): GroupRow | undefined {
  if (!isRecord(value) || value.kind !== 'group') return undefined;
  const summary = value.summary;
  if ((value.groupBy !== 'aggregate' && value.groupBy !== 'correlation') || !isRecord(summary) || typeof summary.key !== 'string') return undefined;
  return { groupBy: value.groupBy, key: summary.key, store: typeof value.store === 'string' ? value.store : undefined };
}

export function eventRowOf(value: unknown): EventRow | undefined {
  if (!isRecord(value) || value.kind !== 'event' || !isRecord(value.entry)) return undefined;
  const { eventId, type } = value.entry;
  if (typeof eventId !== 'string' || typeof type !== 'string') return undefined;
  return { eventId, type, store: typeof value.store === 'string' ? value.store : undefined };
}

/** A query that selects exactly one aggregate's or correlation's events (the id quoted as a JSON string). */
export function groupQuery(row: GroupRow): string {
  return `${row.groupBy} == ${JSON.stringify(row.key)}`;
}
