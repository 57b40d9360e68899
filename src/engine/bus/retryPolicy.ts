export interface RetryPolicy {
  /** Retries after the first attempt (the config's `max_retry_count`). */
  readonly maxRetries: number;
  /** Delay before the first retry; each further retry doubles it. */
  readonly baseDelayMs: number;
  /** No single wait is longer than this. */
  readonly maxDelayMs: number;
  /** Returns [0, 1); injectable so tests get exact delays. */
  readonly random: () => number;
}

/**
 * Milliseconds to wait before retry number `retry` (1-based): exponential
 * (base · 2^(retry-1)) plus up to 50% random jitter, so handlers that failed
 * together (a shared dependency went down) do not all retry in lockstep.
 */
export function retryDelayMs(policy: RetryPolicy, retry: number): number {
  const exponential = policy.baseDelayMs * 2 ** (retry - 1);
  const jitter = exponential * 0.5 * policy.random();
  return Math.min(policy.maxDelayMs, exponential + jitter);
}
