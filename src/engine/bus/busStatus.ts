import type { StorageHealth } from '../store/storage';
import type { BusConfig } from './busConfig';
import type { BusMetricsSnapshot } from './busMetrics';
import type { LatencySummary } from './latency';

export type BusState = 'running' | 'stopping' | 'stopped';

/** The guide's `get_status()` shape, plus what else helps a person judge the bus. */
export interface BusStatus {
  readonly timestamp: string;
  readonly status: BusState;
  readonly metrics: BusMetricsSnapshot;
  readonly queue_size: number;
  readonly subscribers_count: Record<string, number>;
  readonly persistence_enabled: boolean;
  readonly snapshots_enabled: boolean;
  /** Queue → all handlers done, over the most recent events. */
  readonly latency_ms: LatencySummary;
  /** The last storage health check (null before the first). */
  readonly storage: (StorageHealth & { readonly kind: string; readonly checked_at: string }) | { readonly kind: string; readonly healthy: null };
  readonly sequence_mode: 'global' | 'aggregate';
  readonly history_size: number;
  readonly correlations_tracked: number;
  readonly pending_retries: number;
}

export interface StatusInputs {
  readonly timestamp: string;
  readonly state: BusState;
  readonly metrics: BusMetricsSnapshot;
  readonly queueSize: number;
  readonly subscribers: Record<string, number>;
  readonly config: BusConfig;
  readonly latency: LatencySummary;
  readonly storageKind: string;
  readonly storageHealth: (StorageHealth & { readonly checked_at: string }) | undefined;
  readonly sequenceMode: 'global' | 'aggregate';
  readonly historySize: number;
  readonly correlationsTracked: number;
  readonly pendingRetries: number;
}

export function buildStatus(inputs: StatusInputs): BusStatus {
  return {
    timestamp: inputs.timestamp,
    status: inputs.state,
    metrics: inputs.metrics,
    queue_size: inputs.queueSize,
    subscribers_count: inputs.subscribers,
    persistence_enabled: inputs.config.enable_persistence,
    snapshots_enabled: inputs.config.enable_snapshots,
    latency_ms: inputs.latency,
    storage: inputs.storageHealth
      ? { kind: inputs.storageKind, ...inputs.storageHealth }
      : { kind: inputs.storageKind, healthy: null },
    sequence_mode: inputs.sequenceMode,
    history_size: inputs.historySize,
    correlations_tracked: inputs.correlationsTracked,
    pending_retries: inputs.pendingRetries,
  };
}
