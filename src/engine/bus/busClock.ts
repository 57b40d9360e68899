/** Time as the bus sees it; tests pass a fake one so backoff needs no real waiting. */
export interface BusClock {
  /** Epoch milliseconds (may be fractional). */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

export const systemClock: BusClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
