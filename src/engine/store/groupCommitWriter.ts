/**
 * Group commit: callers submit lines (keyed by the file they belong in) and
 * get a promise; while one commit (write + fsync) is in flight, new
 * submissions queue up, and the next commit takes all of them at once. So
 * the cost of an fsync is shared by everyone who arrived during the previous
 * one, and throughput grows with the number of concurrent appenders instead
 * of being capped at one fsync per event.
 *
 * The writer is a single actor: commits, and any `exclusive` work (such as
 * compressing a closed day), run one at a time, in submission order.
 */
export type CommitFunction = (linesByKey: ReadonlyMap<string, string[]>) => Promise<void>;

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

type ExclusiveTask = () => Promise<void>;

export class GroupCommitWriter {
  private pending = new Map<string, string[]>();
  private waiters: Waiter[] = [];
  private tasks: ExclusiveTask[] = [];
  private running: Promise<void> | undefined;
  private closed = false;
  private commits = 0;
  private committedLines = 0;
  private pendingLines = 0;

  constructor(private readonly commit: CommitFunction) {}

  /** Queues `[key, line]` pairs; resolves once the commit that carries them has finished. */
  submit(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The event writer is closed; nothing more can be appended.'));
    for (const [key, line] of entries) {
      let lines = this.pending.get(key);
      if (!lines) this.pending.set(key, (lines = []));
      lines.push(line);
    }
    this.pendingLines += entries.length;
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.kick();
    });
  }

  /** Runs `task` between commits, never concurrently with one. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.tasks.push(() => task().then(resolve, reject));
      this.kick();
    });
  }

  /** Resolves once everything submitted so far is committed (or failed). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Flushes, then refuses further submissions. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  get stats(): { commits: number; lines: number; queuedLines: number } {
    return { commits: this.commits, lines: this.committedLines, queuedLines: this.pendingLines };
  }

  private kick(): void {
    if (!this.running) this.running = this.loop();
  }

  private async loop(): Promise<void> {
    // Wait one macrotask before the first commit so every append made in the
    // same tick (say, a burst of publishes) joins it instead of going alone.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.tasks.length > 0 || this.waiters.length > 0) {
        const tasks = this.tasks;
        this.tasks = [];
        for (const task of tasks) await task();
        if (this.waiters.length === 0) continue;
        const batch = this.pending;
        const waiters = this.waiters;
        const lines = this.pendingLines;
        this.pending = new Map();
        this.waiters = [];
        this.pendingLines = 0;
        try {
          await this.commit(batch);
        } catch (error) {
          for (const waiter of waiters) waiter.reject(error);
          continue;
        }
        this.commits++;
        this.committedLines += lines;
        // In submission order: callers that acknowledge in resolution order then
        // acknowledge in file order.
        for (const waiter of waiters) waiter.resolve();
      }
    } finally {
      this.running = undefined;
    }
  }
}
