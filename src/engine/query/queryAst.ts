/**
 * The query as the evaluator sees it: jsep's tree checked and reduced to the
 * few shapes the language has. Every node keeps its 0-based offset so later
 * errors (a bad time string, an unknown name) can point at it.
 */
export type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Scalar = string | number | boolean | null;

/** Where a path starts: the event's own parts, or an envelope field by its short name. */
export type PathRoot = 'data' | 'metadata' | 'event_type' | 'time' | DebugRoot;

/**
 * Roots only the debugger's conditions and watch expressions know: the whole
 * `event`, the aggregate's `state` after it and `prev`, the state before it.
 */
export type DebugRoot = 'event' | 'state' | 'prev';
export const DEBUG_ROOTS: readonly DebugRoot[] = ['event', 'state', 'prev'];

export type QueryNode =
  | { readonly kind: 'literal'; readonly value: Scalar; readonly offset: number }
  | { readonly kind: 'list'; readonly items: readonly QueryNode[]; readonly offset: number }
  | { readonly kind: 'path'; readonly root: PathRoot; readonly steps: readonly (string | number)[]; readonly text: string; readonly offset: number }
  | { readonly kind: 'not'; readonly operand: QueryNode; readonly offset: number }
  | { readonly kind: 'and' | 'or'; readonly left: QueryNode; readonly right: QueryNode; readonly offset: number }
  | { readonly kind: 'compare'; readonly op: Comparison; readonly left: QueryNode; readonly right: QueryNode; readonly offset: number }
  /** A time comparison with its bounds resolved at parse time (a date alone covers its whole UTC day). */
  | { readonly kind: 'timeCompare'; readonly op: Comparison; readonly startMs: number; readonly endMs: number; readonly offset: number }
  | { readonly kind: 'contains' | 'in'; readonly left: QueryNode; readonly right: QueryNode; readonly offset: number }
  | { readonly kind: 'call'; readonly fn: QueryFunction; readonly args: readonly QueryNode[]; readonly offset: number };

export const QUERY_FUNCTIONS = ['exists', 'length', 'lower', 'upper', 'startsWith', 'endsWith'] as const;
export type QueryFunction = (typeof QUERY_FUNCTIONS)[number];

/** How many arguments each function takes. */
export const FUNCTION_ARITY: Readonly<Record<QueryFunction, number>> = {
  exists: 1,
  length: 1,
  lower: 1,
  upper: 1,
  startsWith: 2,
  endsWith: 2,
};

/**
 * Short names for envelope fields, as a person types them in a search box.
 * `time` is the timestamp as an instant (compare it with ISO strings);
 * `metadata.timestamp` stays the text as written.
 */
export const ENVELOPE_NAMES: Readonly<Record<string, { readonly root: PathRoot; readonly steps: readonly string[] }>> = {
  type: { root: 'event_type', steps: [] },
  event_type: { root: 'event_type', steps: [] },
  id: { root: 'metadata', steps: ['event_id'] },
  aggregate: { root: 'metadata', steps: ['aggregate_id'] },
  correlation: { root: 'metadata', steps: ['correlation_id'] },
  causation: { root: 'metadata', steps: ['causation_id'] },
  source: { root: 'metadata', steps: ['source'] },
  seq: { root: 'metadata', steps: ['sequence_number'] },
  status: { root: 'metadata', steps: ['status'] },
  retries: { root: 'metadata', steps: ['retry_count'] },
  tags: { root: 'metadata', steps: ['tags'] },
  time: { root: 'time', steps: [] },
};
