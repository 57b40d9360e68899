"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.storeStatus = storeStatus;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const eventTypes_1 = require("../model/eventTypes");
const timestamp_1 = require("../model/timestamp");
const layout_1 = require("../store/layout");
const writeLock_1 = require("../store/writeLock");
const busMetrics_1 = require("./busMetrics");
/** Queue sizes beyond this many batches mean the dispatcher is falling behind. */
const QUEUE_BATCHES_HEALTHY = 10;
function liveWriter(storeRoot) {
    try {
        const holder = JSON.parse(fs.readFileSync(path.join(storeRoot, layout_1.LOCK_FILE), 'utf8'));
        return typeof holder.pid === 'number' && (0, writeLock_1.isProcessAlive)(holder.pid) ? holder.pid : null;
    }
    catch {
        return null;
    }
}
function isCounts(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'number');
}
async function storeStatus(engine, config, nowMs = Date.now()) {
    const pid = liveWriter(engine.root);
    const healthEvents = engine.select({ eventType: eventTypes_1.EventType.SYSTEM_HEALTH_CHECK });
    const last = healthEvents.length > 0 ? await engine.readEvent(healthEvents[healthEvents.length - 1].ordinal) : undefined;
    const data = (last?.data ?? {});
    const reportAge = last ? (nowMs - (0, timestamp_1.parseTimestamp)(last.metadata.timestamp)) / 1000 : Number.POSITIVE_INFINITY;
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
        timestamp: (0, timestamp_1.formatTimestamp)(nowMs),
        status: pid !== null ? 'running' : 'stopped',
        metrics: current && data.metrics !== null && typeof data.metrics === 'object' ? data.metrics : new busMetrics_1.BusMetrics().snapshot(),
        queue_size: queueSize,
        subscribers_count: subscribers,
        persistence_enabled: config.enable_persistence,
        snapshots_enabled: config.enable_snapshots,
        health: {
            queue: { healthy: queueSize <= queueLimit, detail: `${queueSize} queued (healthy up to ${queueLimit}: ${QUEUE_BATCHES_HEALTHY} batches of ${config.batch_size})` },
            latency: p99 === null
                ? { healthy: true, detail: current ? 'no deliveries measured yet' : 'no running bus reported latency' }
                : { healthy: p99 <= latencyLimitMs, detail: `p99 ${p99} ms (healthy up to ${latencyLimitMs} ms: two processing intervals)` },
            storage: { healthy: storage.healthy, detail: `${storage.detail}; ${engine.index.eventCount} events` },
            subscribers: pid === null
                ? { healthy: true, detail: 'no running bus' }
                : { healthy: !current || subscriberTotal > 0, detail: current ? `${subscriberTotal} subscription(s)` : 'the running bus has not reported yet' },
            writer: {
                healthy: pid === null || current || !config.enable_persistence,
                pid,
                detail: pid === null
                    ? 'no process holds the writer lock'
                    : current
                        ? `process ${pid} writes; last health report ${Math.round(reportAge)} s ago`
                        : `process ${pid} holds the writer lock but wrote no health report in the last ${2 * config.health_check_interval} s`,
            },
        },
    };
}
//# sourceMappingURL=storeStatus.js.map