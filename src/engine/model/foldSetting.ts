/**
 * How a store folds events into state: the store's choice, stated as
 * `"fold"` in `eventbus.config.json` (or detected from its snapshots when
 * the config says `"auto"`, the default). JSON only: no code, except that
 * `projection` names one of the store's projection modules, which run only
 * where the store is trusted.
 *
 *   "fold": "shallow"                      Python's `state.update(event.data)`
 *   "fold": "deep"                         the engine's deep merge with `_meta`
 *   "fold": { "mode": "shallow", "bookkeeping": { "last_event_type": "event_type" } }
 *   "fold": { "mode": "reducers", "reducers": { "trade_executed": [
 *              { "op": "increment", "path": "volume", "from": "data.quantity" } ] } }
 *   "fold": { "mode": "projection", "projection": "balances" }
 */
export type FoldMode = 'shallow' | 'deep' | 'reducers' | 'projection';

/** What a bookkeeping key of the writer holds after each folded event. */
export type BookkeepingSource =
  | 'event_type'
  | 'sequence_number'
  | 'event_id'
  /** The event's timestamp text exactly as stored. */
  | 'timestamp'
  /** Python's `metadata.timestamp.isoformat()` of the stored timestamp (`Z` read back as `+00:00`). */
  | 'timestamp_isoformat'
  | 'source'
  | 'aggregate_id'
  /** The key's previous value plus one. */
  | 'count';

export const BOOKKEEPING_SOURCES: readonly BookkeepingSource[] = [
  'event_type',
  'sequence_number',
  'event_id',
  'timestamp',
  'timestamp_isoformat',
  'source',
  'aggregate_id',
  'count',
];

export type ReducerOp = 'set' | 'merge' | 'append' | 'increment' | 'remove';
export const REDUCER_OPS: readonly ReducerOp[] = ['set', 'merge', 'append', 'increment', 'remove'];

/**
 * One step of a declarative reducer. `path` is a dotted path into the state
 * ("" is the state itself); a segment `{data.symbol}` takes its name from
 * the event. The value is `from` (a dotted path into the event: `data.x`,
 * `metadata.source`, `event_type`) or the literal `value`; `increment` adds
 * 1 when neither is given; `remove` needs neither.
 */
export interface ReducerStep {
  readonly op: ReducerOp;
  readonly path: string;
  readonly from?: string;
  readonly value?: unknown;
}

export type FallbackFold = 'shallow' | 'deep' | 'ignore';

export interface FoldSpec {
  readonly mode: FoldMode;
  /** Bookkeeping keys and what they hold (shallow and reducers modes); absent: detected from snapshots. */
  readonly bookkeeping?: Readonly<Record<string, BookkeepingSource>>;
  /** Per event type (reducers mode). */
  readonly reducers?: Readonly<Record<string, readonly ReducerStep[]>>;
  /** Event types without reducers (reducers mode); default `ignore`. */
  readonly fallback?: FallbackFold;
  /** The projection's name (projection mode). */
  readonly projection?: string;
}

/** The config's `fold` value: `auto` (detect), a mode name, or a full spec. */
export type FoldSetting = 'auto' | FoldMode | FoldSpec;

const MODES: readonly string[] = ['shallow', 'deep', 'reducers', 'projection'];

/**
 * Problems of a `fold` value as "expected … got …" pairs (empty when it is
 * fine), each with the path of the key at fault.
 */
export function foldSettingProblems(value: unknown): { path: string; expected: string; got: string }[] {
  const problems: { path: string; expected: string; got: string }[] = [];
  const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v));
  if (typeof value === 'string') {
    if (value !== 'auto' && !MODES.includes(value)) {
      problems.push({ path: 'fold', expected: `"auto", ${MODES.map((m) => `"${m}"`).join(', ')} or an object with "mode"`, got: show(value) });
    } else if (value === 'reducers' || value === 'projection') {
      problems.push({ path: 'fold', expected: `an object {"mode": "${value}", ...} (the ${value} need naming)`, got: show(value) });
    }
    return problems;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ path: 'fold', expected: 'a fold mode name or an object with "mode"', got: show(value) });
    return problems;
  }
  const spec = value as Record<string, unknown>;
  for (const key of Object.keys(spec)) {
    if (!['mode', 'bookkeeping', 'reducers', 'fallback', 'projection'].includes(key)) {
      problems.push({ path: `fold.${key}`, expected: 'one of mode, bookkeeping, reducers, fallback, projection', got: `unknown key "${key}"` });
    }
  }
  if (typeof spec.mode !== 'string' || !MODES.includes(spec.mode)) {
    problems.push({ path: 'fold.mode', expected: MODES.map((m) => `"${m}"`).join(', '), got: show(spec.mode) });
  }
  if (spec.bookkeeping !== undefined) {
    if (spec.bookkeeping === null || typeof spec.bookkeeping !== 'object' || Array.isArray(spec.bookkeeping)) {
      problems.push({ path: 'fold.bookkeeping', expected: 'an object {key: source}', got: show(spec.bookkeeping) });
    } else {
      for (const [key, source] of Object.entries(spec.bookkeeping)) {
        if (!BOOKKEEPING_SOURCES.includes(source as BookkeepingSource)) {
          problems.push({ path: `fold.bookkeeping.${key}`, expected: `one of ${BOOKKEEPING_SOURCES.join(', ')}`, got: show(source) });
        }
      }
    }
  }
  if (spec.fallback !== undefined && !['shallow', 'deep', 'ignore'].includes(spec.fallback as string)) {
    problems.push({ path: 'fold.fallback', expected: '"shallow", "deep" or "ignore"', got: show(spec.fallback) });
  }
  if (spec.mode === 'projection' && (typeof spec.projection !== 'string' || spec.projection === '')) {
    problems.push({ path: 'fold.projection', expected: 'the name of a projection module of the store', got: show(spec.projection) });
  }
  if (spec.mode === 'reducers' || spec.reducers !== undefined) problems.push(...reducerProblems(spec.reducers));
  return problems;
}

function reducerProblems(reducers: unknown): { path: string; expected: string; got: string }[] {
  const problems: { path: string; expected: string; got: string }[] = [];
  if (reducers === null || typeof reducers !== 'object' || Array.isArray(reducers)) {
    return [{ path: 'fold.reducers', expected: 'an object {event_type: [steps]}', got: JSON.stringify(reducers) ?? 'nothing' }];
  }
  for (const [type, steps] of Object.entries(reducers)) {
    if (!Array.isArray(steps)) {
      problems.push({ path: `fold.reducers.${type}`, expected: 'a list of steps', got: JSON.stringify(steps) });
      continue;
    }
    steps.forEach((step: unknown, i) => {
      const where = `fold.reducers.${type}[${i}]`;
      if (step === null || typeof step !== 'object' || Array.isArray(step)) {
        problems.push({ path: where, expected: 'a step {"op", "path", "from" | "value"}', got: JSON.stringify(step) });
        return;
      }
      const s = step as Record<string, unknown>;
      if (!REDUCER_OPS.includes(s.op as ReducerOp)) problems.push({ path: `${where}.op`, expected: REDUCER_OPS.join(', '), got: JSON.stringify(s.op) ?? 'nothing' });
      if (typeof s.path !== 'string') problems.push({ path: `${where}.path`, expected: 'a dotted path ("" for the whole state)', got: JSON.stringify(s.path) ?? 'nothing' });
      if (s.from !== undefined && typeof s.from !== 'string') problems.push({ path: `${where}.from`, expected: 'a dotted path into the event (data.x)', got: JSON.stringify(s.from) });
      if (s.from !== undefined && s.value !== undefined) problems.push({ path: where, expected: 'either "from" or "value"', got: 'both' });
      if ((s.op === 'set' || s.op === 'merge' || s.op === 'append') && s.from === undefined && s.value === undefined) {
        problems.push({ path: where, expected: `"from" or "value" for ${String(s.op)}`, got: 'neither' });
      }
      for (const key of Object.keys(s)) {
        if (!['op', 'path', 'from', 'value'].includes(key)) problems.push({ path: `${where}.${key}`, expected: 'op, path, from, value', got: `unknown key "${key}"` });
      }
    });
  }
  return problems;
}

/** A spec from a valid setting (`auto` stays undecided: null). */
export function foldSpecOf(setting: FoldSetting | undefined): FoldSpec | null {
  if (setting === undefined || setting === 'auto') return null;
  return typeof setting === 'string' ? { mode: setting } : setting;
}
