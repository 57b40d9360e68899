import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EventBusConfig } from '../config/busConfig';
import { EventType } from '../model/eventTypes';
import { formatTimestamp, parseTimestamp } from '../model/timestamp';
import type { StoreEngine } from '../storeEngineTypes';
import { LOCK_FILE } from '../store/layout';
import { isProcessAlive } from '../store/writeLock';
import { BusMetrics, type BusMetricsSnapshot } from './busMetrics';

/** One health check: the guide's queue, latency, storage and subscribers, plus the writer. */
export interface HealthCheck {
  readonly healthy: boolean;
  readonly detail: string;
}

/**
 * The guide's `get_status()` keys exactly, from the store and the writer
 * running on it (if any), plus `health`. The running writer is known by the
 * store's writer lock (a live pid); its queue, metrics, latency and
 * subscribers by the last `system_health_check` event it wrote (every
 * `health_check_interval` seconds).
 */
export interface StoreStatus {
  readonly timestamp: string;
  readonly status: 'running' | 'stopped';
  readonly metrics: BusMetricsSnapshot | Record<string, unknown>;
  readonly queue_size: number;
  readonly subscribers_count: Record<string, number>;
  readonly persistence_enabled: boolean;
  readonly snapshots_enabled: boolean;
  readonly health: {
    readonly queue: HealthCheck;
    readonly latency: HealthCheck;
    readonly storage: HealthCheck;
    readonly subscribers: HealthCheck;
    readonly writer: HealthCheck & { readonly pid: number | null };
  };
}

interface HealthEventData {
  readonly status?: unknown;
  readonly queue_size?: unknown;
  readonly metrics?: unknown;
  readonly latency_ms?: { p50?: unknown; p99?: unknown };
  readonly subscribers_count?: unknown;
}

/** Queue sizes beyond this many batches mean the dispatcher is falling behind. */
const QUEUE_BATCHES_HEALTHY = 10;

function liveWriter(storeRoot: string): number | null {
  try {
    const holder = JSON.parse(fs.readFileSync(path.join(storeRoot, LOCK_FILE), 'utf8')) as { pid?: unknown };
    return typeof holder.pid === 'number' && isProcessAlive(holder.pid) ? holder.pid : null;
  } catch {
    return null;
  }
}

function isCounts(value: unknown): value is Record<string, number> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'number');
}

export async function storeStatus(engine: StoreEngine, config: EventBusConfig, nowMs: number = Date.now()): Promise<StoreStatus> {
  const pid = liveWriter(engine.root);
  const healthEvents = engine.select({ eventType: EventType.SYSTEM_HEALTH_CHECK });
  const last = healthEvents.length > 0 ? await engine.readEvent(healthEvents[healthEvents.length - 1].ordinal) : undefined;
  const data = (last?.data ?? {}) as HealthEventData;
  const reportAge = last ? (nowMs - parseTimestamp(last.metadata.timestamp)) / 1000 : Number.POSITIVE_INFINITY;
  // The writer's last report counts while it is running and the report is recent (two intervals).
  const current = pid !== null && reportAge <= 2 * config.health_check_interval;
  const queueSize = current && typeof data.queue_size === 'number' ? data.queue_size : 0;
  const subscribers = current && isCounts(data.subscribers_count) ? data.subscribers_count : {};
  const storage = await engine.storage.health();
  const p99 = current && typeof data.latency_ms?.p99 === 'number' ? data.latency_ms.p99 : null;
  const latencyLimitMs = config.processing_interval * 1000 * 2;
  const subscriberTotal = Object.values(subscribers).reduce((sum, n) => sum + n, 0);
  const queueLimit = config.batch_size * QUEUE_BATCHES_HEALTHY;
  return {
    timestamp: formatTimestamp(nowMs),
    status: pid !== null ? 'running' : 'stopped',
    metrics: current && data.metrics !== null && typeof data.metrics === 'object' ? (data.metrics as Record<string, unknown>) : new BusMetrics().snapshot(),
    queue_size: queueSize,
    subscribers_count: subscribers,
    persistence_enabled: config.enable_persistence,
    snapshots_enabled: config.enable_snapshots,
    health: {
      queue: { healthy: queueSize <= queueLimit, detail: `${queueSize} queued (healthy up to ${queueLimit}: ${QUEUE_BATCHES_HEALTHY} batches of ${config.batch_size})` },
      latency:
        p99 === null
          ? { healthy: true, detail: current ? 'no deliveries measured yet' : 'no running bus reported latency' }
          : { healthy: p99 <= latencyLimitMs, detail: `p99 ${p99} ms (healthy up to ${latencyLimitMs} ms: two processing intervals)` },
      storage: { healthy: storage.healthy, detail: `${storage.detail}; ${engine.index.eventCount} events` },
      subscribers:
        pid === null
          ? { healthy: true, detail: 'no running bus' }
          : { healthy: !current || subscriberTotal > 0, detail: current ? `${subscriberTotal} subscription(s)` : 'the running bus has not reported yet' },
      writer: {
        healthy: pid === null || current || !config.enable_persistence,
        pid,
        detail:
          pid === null
            ? 'no process holds the writer lock'
            : current
              ? `process ${pid} writes; last health report ${Math.round(reportAge)} s ago`
              : `process ${pid} holds the writer lock but wrote no health report in the last ${2 * config.health_check_interval} s`,
      },
    },
  };
}
