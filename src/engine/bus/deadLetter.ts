import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Event } from '../model/event';
import { DEAD_LETTER_FILE } from '../store/layout';

/** One delivery that failed after every retry: kept for manual investigation. */
export interface DeadLetterEntry {
  /** A copy of the event with status 'failed' and its retry count. */
  readonly event: Event;
  readonly handler: string;
  readonly error: { readonly name: string; readonly message: string; readonly stack?: string };
  /** Deliveries tried in all: the first one plus the retries. */
  readonly attempts: number;
  readonly failed_at: string;
  readonly replay: boolean;
}

export interface DeadLetterSink {
  record(entry: DeadLetterEntry): Promise<void>;
}

/** Keeps entries in memory (the default when no store folder is given; handy in tests). */
export class MemoryDeadLetterSink implements DeadLetterSink {
  readonly entries: DeadLetterEntry[] = [];

  async record(entry: DeadLetterEntry): Promise<void> {
    this.entries.push(entry);
  }
}

/**
 * Appends one JSON line per entry to `<store>/dead_letter.jsonl`, fsynced.
 * Writes are chained so concurrent failures never interleave within a line.
 */
export class FileDeadLetterSink implements DeadLetterSink {
  readonly file: string;
  private chain: Promise<void> = Promise.resolve();

  constructor(storeRoot: string) {
    this.file = path.join(storeRoot, DEAD_LETTER_FILE);
  }

  record(entry: DeadLetterEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const write = this.chain.then(() => this.appendLine(line));
    this.chain = write.catch(() => undefined);
    return write;
  }

  private async appendLine(line: string): Promise<void> {
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    const handle = await fs.promises.open(this.file, 'a');
    try {
      await handle.write(line);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }
}
