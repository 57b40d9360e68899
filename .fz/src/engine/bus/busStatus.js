"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildStatus = buildStatus;
function buildStatus(inputs) {
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
//# sourceMappingURL=busStatus.js.map