/**
 * The guide's `event_bus` block, with its snake_case keys. The config loader
 * (src/engine/config) reads the same keys from `eventbus.config.json` and
 * validates them; the bus only fills in defaults for keys it was not given.
 */
export interface BusConfig {
  /** Seconds between processing cycles when the queue is idle. */
  readonly processing_interval: number;
  /** Events kept in the in-memory history ring. */
  readonly max_history: number;
  readonly enable_persistence: boolean;
  readonly enable_snapshots: boolean;
  /** Snapshot every N events (used by the snapshot hook, not by the bus itself). */
  readonly snapshot_frequency: number;
  /** The store folder (`event_store`): holds `events/`, `snapshots/`, `dead_letter.jsonl`. */
  readonly storage_path: string;
  /** Retries of a failing handler delivery after the first attempt. */
  readonly max_retry_count: number;
  /** Events taken from the queue per processing cycle. */
  readonly batch_size: number;
  readonly event_ttl_days: number;
  readonly compression_enabled: boolean;
  readonly schema_validation: boolean;
  readonly audit_trail: boolean;
  readonly correlation_tracking: boolean;
  readonly metrics_enabled: boolean;
  /** Seconds between `system_health_check` events; 0 turns them off. */
  readonly health_check_interval: number;
}

export const DEFAULT_BUS_CONFIG: BusConfig = Object.freeze({
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

/** The defaults overlaid with what was given (undefined values keep the default). */
export function resolveBusConfig(given: Partial<BusConfig> = {}): BusConfig {
  const merged: Record<string, unknown> = { ...DEFAULT_BUS_CONFIG };
  for (const [key, value] of Object.entries(given)) if (value !== undefined) merged[key] = value;
  return Object.freeze(merged as unknown as BusConfig);
}
