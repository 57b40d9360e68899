/**
 * The guide's `event_bus` configuration block, with its snake_case keys and
 * defaults. Interval values are seconds.
 */
export interface EventBusConfig {
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
  /**
   * The store's own vocabulary besides the guide's (not a key of the guide):
   * events of these types / with these statuses are not "unknown" (EB011,
   * EB020). Schema folders declare types too.
   */
  readonly event_types?: readonly string[];
  readonly statuses?: readonly string[];
}

/** The vocabulary keys: lists of names, optional, outside the guide's block of settings. */
export const VOCABULARY_KEYS: readonly ('event_types' | 'statuses')[] = Object.freeze(['event_types', 'statuses'] as const);

export function isNameList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0);
}

export const DEFAULT_CONFIG: EventBusConfig = Object.freeze({
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
});

/** What a key accepts; `describe` is what error messages call "expected". */
export type KeyRule =
  | { readonly kind: 'boolean' }
  | { readonly kind: 'string'; readonly nonEmpty: true }
  | { readonly kind: 'number'; readonly integer: boolean; readonly min: number; readonly exclusiveMin: boolean };

const positiveSeconds: KeyRule = { kind: 'number', integer: false, min: 0, exclusiveMin: true };
const count = (min: number): KeyRule => ({ kind: 'number', integer: true, min, exclusiveMin: false });
const flag: KeyRule = { kind: 'boolean' };

export const CONFIG_RULES: Readonly<Record<Exclude<keyof EventBusConfig, 'event_types' | 'statuses'>, KeyRule>> = Object.freeze({
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

export const CONFIG_KEYS: readonly (keyof typeof CONFIG_RULES)[] = Object.freeze(Object.keys(DEFAULT_CONFIG) as (keyof typeof CONFIG_RULES)[]);

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
