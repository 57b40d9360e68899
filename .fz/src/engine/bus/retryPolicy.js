"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.retryDelayMs = retryDelayMs;
/**
 * Milliseconds to wait before retry number `retry` (1-based): exponential
 * (base · 2^(retry-1)) plus up to 50% random jitter, so handlers that failed
 * together (a shared dependency went down) do not all retry in lockstep.
 */
function retryDelayMs(policy, retry) {
    const exponential = policy.baseDelayMs * 2 ** (retry - 1);
    const jitter = exponential * 0.5 * policy.random();
    return Math.min(policy.maxDelayMs, exponential + jitter);
}
//# sourceMappingURL=retryPolicy.js.map