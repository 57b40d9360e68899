import { DEFAULT_MAX_NESTING_DEPTH, MAX_NESTING_DEPTH_CEILING } from '../model/nestingDepth';
import { foldSettingProblems, type FoldSetting } from '../model/foldSetting';

/**
 * The guide's `event_bus` configuration block, with its snake_case keys and
 * defaults. Interval values are seconds.
 */
export interface GuideBusConfig {
  /** Seconds between dispatcher cycles. */
  readonly processing_interval: number;
  /** Events kept in the in-memory history ring. */
  readonly max_history: number;
  readonly enable_persistence: boolean;
  readonly enable_snapshots: boolean;
  /** A snapshot every N events. */
  readonly snapshot_frequency: number;
  /** Store folder, relative to the workspace root unless absolute. */
  readonly storage_path: string;
  readonly max_retry_count: number;
  /** Most events the dispatcher takes per cycle. */
  readonly batch_size: number;
  /** Days of events kept by TTL cleanup. */
  readonly event_ttl_days: number;
  readonly compression_enabled: boolean;
  readonly schema_validation: boolean;
  readonly audit_trail: boolean;
  readonly correlation_tracking: boolean;
  readonly metrics_enabled: boolean;
  /** Seconds between `system_health_check` events. */
  readonly health_check_interval: number;
}

/**
 * What this project needs, beyond the guide's keys, to agree with the
 * store's writer. They live in eventbus.config.json only (not VS Code settings).
 */
export interface StoreAgreementConfig {
  /** How events fold into state (see foldSetting.ts); `auto`: detected from the store's snapshots. */
  readonly fold: FoldSetting;
  /** Event types the store knows beyond the built-in ones and its schema folder: publish refuses others, validate does not call them unknown (EB011). */
  readonly event_types: readonly string[];
  /** Statuses the store's writer uses beyond the guide's: validate does not call them unknown (EB020). */
  readonly statuses: readonly string[];
  /** Timestamps going back by at most this much (concurrent publishers) are not an integrity finding. */
  readonly time_order_tolerance_ms: number;
  /** Deepest nesting of objects and arrays an event line may have (EB025 beyond; the reader refuses such a line). */
  readonly max_nesting_depth: number;
}

export type EventBusConfig = GuideBusConfig & StoreAgreementConfig;

export const DEFAULT_STORE_AGREEMENT: StoreAgreementConfig = Object.freeze({
  fold: 'auto',
  event_types: Object.freeze([]) as readonly string[],
  statuses: Object.freeze([]) as readonly string[],
  time_order_tolerance_ms: 1000,
  max_nesting_depth: DEFAULT_MAX_NESTING_DEPTH,
});

/** A value as a config message shows it: its JSON, cut short. */
function shownValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A list of non-empty strings (the store's own vocabulary). */
export function isNameList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0);
}

/** What is wrong with a store-agreement value, or undefined. */
export const STORE_AGREEMENT_RULES: Readonly<Record<keyof StoreAgreementConfig, { expected: string; problem: (value: unknown) => string | undefined }>> = Object.freeze({
  fold: {
    expected: '"auto", "shallow", "deep" or {"mode", "bookkeeping"?, "reducers"?, "fallback"?, "projection"?}',
    problem: (value: unknown) => {
      const problems = foldSettingProblems(value);
      return problems.length === 0 ? undefined : problems.map((p) => `${p.path}: expected ${p.expected}, got ${p.got}`).join('; ');
    },
  },
  event_types: {
    expected: 'a list of names (non-empty strings)',
    problem: (value: unknown) => (isNameList(value) ? undefined : shownValue(value)),
  },
  statuses: {
    expected: 'a list of names (non-empty strings)',
    problem: (value: unknown) => (isNameList(value) ? undefined : shownValue(value)),
  },
  time_order_tolerance_ms: {
    expected: 'a number of milliseconds >= 0',
    problem: (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? undefined : JSON.stringify(value) ?? 'nothing'),
  },
  max_nesting_depth: {
    expected: `an integer from 1 to ${MAX_NESTING_DEPTH_CEILING}`,
    problem: (value: unknown) => (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_NESTING_DEPTH_CEILING ? undefined : JSON.stringify(value) ?? 'nothing'),
  },
});

const GUIDE_DEFAULTS: GuideBusConfig = {
  processing_interval: 1,
  max_history: 1000,
  enable_persistence: true,
  enable_snapshots: true,
  snapshot_frequency: 100,
  storage_path: 'event_store',
  max_retry_count: 3,
  batch_size: 100,
  event_ttl_days: 30,
  compression_enabled: true,
  schema_validation: true,
  audit_trail: true,
  correlation_tracking: true,
  metrics_enabled: true,
  health_check_interval: 60,
};

export const DEFAULT_CONFIG: EventBusConfig = Object.freeze({ ...GUIDE_DEFAULTS, ...DEFAULT_STORE_AGREEMENT });

/** What a key accepts; `describe` is what error messages call "expected". */
export type KeyRule =
  | { readonly kind: 'boolean' }
  | { readonly kind: 'string'; readonly nonEmpty: true }
  | { readonly kind: 'number'; readonly integer: boolean; readonly min: number; readonly exclusiveMin: boolean };

const positiveSeconds: KeyRule = { kind: 'number', integer: false, min: 0, exclusiveMin: true };
const count = (min: number): KeyRule => ({ kind: 'number', integer: true, min, exclusiveMin: false });
const flag: KeyRule = { kind: 'boolean' };

export const CONFIG_RULES: Readonly<Record<keyof GuideBusConfig, KeyRule>> = Object.freeze({
  processing_interval: positiveSeconds,
  max_history: count(0),
  enable_persistence: flag,
  enable_snapshots: flag,
  snapshot_frequency: count(1),
  storage_path: { kind: 'string', nonEmpty: true },
  max_retry_count: count(0),
  batch_size: count(1),
  event_ttl_days: count(1),
  compression_enabled: flag,
  schema_validation: flag,
  audit_trail: flag,
  correlation_tracking: flag,
  metrics_enabled: flag,
  health_check_interval: positiveSeconds,
});

/** The guide's keys (also VS Code's `eventbus.bus.*` settings). */
export const CONFIG_KEYS: readonly (keyof GuideBusConfig)[] = Object.freeze(Object.keys(GUIDE_DEFAULTS) as (keyof GuideBusConfig)[]);

export function describeRule(rule: KeyRule): string {
  switch (rule.kind) {
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'a non-empty string';
    case 'number': {
      const what = rule.integer ? 'an integer' : 'a number';
      return `${what} ${rule.exclusiveMin ? '>' : '>='} ${rule.min}`;
    }
  }
}

export function satisfiesRule(rule: KeyRule, value: unknown): boolean {
  switch (rule.kind) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string' && value.length > 0;
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (!rule.integer || Number.isInteger(value)) &&
        (rule.exclusiveMin ? value > rule.min : value >= rule.min)
      );
  }
}
