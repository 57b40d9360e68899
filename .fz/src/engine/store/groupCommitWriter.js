"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GroupCommitWriter = void 0;
class GroupCommitWriter {
    commit;
    pending = new Map();
    waiters = [];
    tasks = [];
    running;
    closed = false;
    commits = 0;
    committedLines = 0;
    pendingLines = 0;
    constructor(commit) {
        this.commit = commit;
    }
    /** Queues `[key, line]` pairs; resolves once the commit that carries them has finished. */
    submit(entries) {
        if (this.closed)
            return Promise.reject(new Error('The event writer is closed; nothing more can be appended.'));
        for (const [key, line] of entries) {
            let lines = this.pending.get(key);
            if (!lines)
                this.pending.set(key, (lines = []));
            lines.push(line);
        }
        this.pendingLines += entries.length;
        return new Promise((resolve, reject) => {
            this.waiters.push({ resolve, reject });
            this.kick();
        });
    }
    /** Runs `task` between commits, never concurrently with one. */
    exclusive(task) {
        return new Promise((resolve, reject) => {
            this.tasks.push(() => task().then(resolve, reject));
            this.kick();
        });
    }
    /** Resolves once everything submitted so far is committed (or failed). */
    async flush() {
        while (this.running)
            await this.running;
    }
    /** Flushes, then refuses further submissions. */
    async close() {
        await this.flush();
        this.closed = true;
    }
    get stats() {
        return { commits: this.commits, lines: this.committedLines, queuedLines: this.pendingLines };
    }
    kick() {
        if (!this.running)
            this.running = this.loop();
    }
    async loop() {
        // Wait one macrotask before the first commit so every append made in the
        // same tick (say, a burst of publishes) joins it instead of going alone.
        await new Promise((resolve) => setImmediate(resolve));
        try {
            while (this.tasks.length > 0 || this.waiters.length > 0) {
                const tasks = this.tasks;
                this.tasks = [];
                for (const task of tasks)
                    await task();
                if (this.waiters.length === 0)
                    continue;
                const batch = this.pending;
                const waiters = this.waiters;
                const lines = this.pendingLines;
                this.pending = new Map();
                this.waiters = [];
                this.pendingLines = 0;
                try {
                    await this.commit(batch);
                }
                catch (error) {
                    for (const waiter of waiters)
                        waiter.reject(error);
                    continue;
                }
                this.commits++;
                this.committedLines += lines;
                // In submission order: callers that acknowledge in resolution order then
                // acknowledge in file order.
                for (const waiter of waiters)
                    waiter.resolve();
            }
        }
        finally {
            this.running = undefined;
        }
    }
}
exports.GroupCommitWriter = GroupCommitWriter;
//# sourceMappingURL=groupCommitWriter.js.map