import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Event } from '../model/event';
import { parseTimestamp, utcDay } from '../model/timestamp';
import { fsyncDirectory } from './atomicWrite';
import { compressDayFile, type CompressDayResult } from './compressDay';
import { GroupCommitWriter } from './groupCommitWriter';
import { serializeEventInStyle, storeLineStyle, type LineStyle } from './lineStyle';
import { EVENTS_DIR, eventFileName, parseEventFileName } from './layout';
import { recoverInterruptedWork } from './recoverInterruptedWork';
import { acquireWriterLockWaiting, WriterLockLostError, type WriterLock } from './writeLock';

export interface EventFileAppenderOptions {
  /** The config's `compression_enabled`: gzip closed days whenever the writer moves to a new UTC day. */
  readonly compression?: boolean;
  /** Epoch ms now; tests move it across midnight. */
  readonly clock?: () => number;
  /** Errors of background compression land here (appends never fail because of them). */
  readonly onBackgroundError?: (error: Error) => void;
  /** Day files kept open at once (appends to old days are rare); default 4. */
  readonly maxOpenFiles?: number;
  /** How long to wait for a live writer to release the lock before failing; default 0 (fail at once). */
  readonly lockWaitMs?: number;
}

interface DayFile {
  readonly file: string;
  readonly handle: fs.promises.FileHandle;
  /** The file ended mid-line when opened (a torn tail): the next write starts with '\n'. */
  needsLeadingNewline: boolean;
  /** The file was empty when opened: fsync the folder once its first lines are durable. */
  needsDirectorySync: boolean;
}

/**
 * The durable writer of the JSONL file store: one line per event in
 * `events/events_<UTC day of the event's timestamp>.jsonl`, group-committed
 * (one write + one fsync per day file per batch); `append` resolves only once
 * its events are fsynced. Holds the store's writer lock while open.
 */
export class EventFileAppender {
  private readonly writer: GroupCommitWriter;
  private readonly files = new Map<string, DayFile>();
  private readonly compressing = new Map<string, Promise<void>>();
  private readonly backgroundJobs = new Set<Promise<unknown>>();
  private readonly clock: () => number;
  private readonly maxOpenFiles: number;
  private currentDay: string;
  private closing: Promise<void> | undefined;
  /** Set once a commit found the lock taken over: this appender never writes again. */
  private lost: WriterLockLostError | undefined;

  private constructor(
    readonly storeRoot: string,
    readonly eventsDir: string,
    readonly lock: WriterLock,
    private readonly options: EventFileAppenderOptions,
    /** How the store's lines are spelled: new lines are spelled the same. */
    readonly lineStyle: LineStyle,
  ) {
    this.clock = options.clock ?? Date.now;
    this.maxOpenFiles = Math.max(1, options.maxOpenFiles ?? 4);
    this.currentDay = utcDay(this.clock());
    this.writer = new GroupCommitWriter((batch) => this.commit(batch));
  }

  /**
   * Takes the writer lock (throws `WriterLockedError` when another live
   * process holds it), then finishes whatever a crashed writer left half done.
   */
  static async open(storeRoot: string, options: EventFileAppenderOptions = {}): Promise<EventFileAppender> {
    const eventsDir = path.join(storeRoot, EVENTS_DIR);
    await fs.promises.mkdir(eventsDir, { recursive: true });
    const lock = await acquireWriterLockWaiting(storeRoot, options.lockWaitMs ?? 0);
    let lineStyle: LineStyle;
    try {
      await recoverInterruptedWork(storeRoot);
      lineStyle = await storeLineStyle(storeRoot);
    } catch (error) {
      await lock.release();
      throw error;
    }
    return new EventFileAppender(storeRoot, eventsDir, lock, options, lineStyle);
  }

  /** Resolves once every event is written and fsynced, in the order of the calls. */
  append(events: readonly Event[]): Promise<void> {
    if (this.closing) return Promise.reject(new Error(`The event writer of ${this.storeRoot} is closed.`));
    if (this.lost) return Promise.reject(this.lost);
    if (events.length === 0) return Promise.resolve();
    const entries = new Array<readonly [string, string]>(events.length);
    for (let i = 0; i < events.length; i++) entries[i] = [this.dayOf(events[i]), serializeEventInStyle(events[i], this.lineStyle)];
    return this.writer.submit(entries);
  }

  /** Resolves once everything appended so far is durable. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Gzips every plain day file older than the current UTC day now, regardless of `compression`. */
  async compressClosedDays(): Promise<CompressDayResult[]> {
    const jobs = await this.writer.exclusive(async () => this.startCompression(utcDay(this.clock())));
    return Promise.all(jobs);
  }

  /** False once the writer lock was found taken over (the storage then opens a new appender, re-reading the store). */
  get holdsLock(): boolean {
    return this.lost === undefined;
  }

  get stats(): { commits: number; events: number; openFiles: number } {
    const { commits, lines } = this.writer.stats;
    return { commits, events: lines, openFiles: this.files.size };
  }

  /** Flushes, waits for compression in progress, closes the files and releases the lock. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.writer.close();
        await Promise.allSettled([...this.backgroundJobs]);
        const files = [...this.files.values()];
        this.files.clear();
        await Promise.allSettled(files.map((f) => f.handle.close()));
      } finally {
        await this.lock.release();
      }
    })();
    return this.closing;
  }

  /** Runs inside the group-commit writer: never two at once. */
  private async commit(batch: ReadonlyMap<string, string[]>): Promise<void> {
    // Sequence numbers were assigned under our lock: if another writer took it over, they may be its numbers too.
    if (this.lost || !(await this.lock.stillHeld())) {
      this.lost ??= new WriterLockLostError(this.lock.file);
      throw this.lost;
    }
    const today = utcDay(this.clock());
    if (today !== this.currentDay) {
      this.currentDay = today;
      if (this.options.compression) this.runInBackground(await this.startCompression(today));
    }
    await Promise.all([...batch].map(([day, lines]) => this.writeDay(day, lines)));
    if (this.files.size > this.maxOpenFiles) await this.closeOldFiles(batch);
  }

  private async writeDay(day: string, lines: string[]): Promise<void> {
    const compression = this.compressing.get(day);
    if (compression) await compression; // its plain file is being gzipped: start a new one afterwards
    const file = await this.openDay(day);
    let text = lines.join('\n') + '\n';
    if (file.needsLeadingNewline) text = '\n' + text;
    try {
      await writeAll(file.handle, Buffer.from(text, 'utf8'));
      await file.handle.datasync();
      if (file.needsDirectorySync) await fsyncDirectory(this.eventsDir);
    } catch (error) {
      // The file may now end mid-line; dropping the handle makes the next
      // append re-open it and re-check the tail, so lines never merge.
      this.files.delete(day);
      await file.handle.close().catch(() => undefined);
      throw new Error(`Could not append ${lines.length} events to ${file.file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    file.needsLeadingNewline = false;
    file.needsDirectorySync = false;
  }

  private async openDay(day: string): Promise<DayFile> {
    const open = this.files.get(day);
    if (open) return open;
    const file = path.join(this.eventsDir, eventFileName(day));
    // 'a+': writes always go to the end (O_APPEND), and the last byte can be read.
    const handle = await fs.promises.open(file, 'a+');
    try {
      const { size } = await handle.stat();
      let needsLeadingNewline = false;
      if (size > 0) {
        // A crash mid-write leaves a torn last line. Its bytes stay as they
        // are (the reader reports them); new lines just start after a '\n'.
        const last = Buffer.alloc(1);
        const { bytesRead } = await handle.read(last, 0, 1, size - 1);
        needsLeadingNewline = bytesRead === 1 && last[0] !== 0x0a;
      }
      const dayFile: DayFile = { file, handle, needsLeadingNewline, needsDirectorySync: size === 0 };
      this.files.set(day, dayFile);
      return dayFile;
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  }

  /** Closes the least useful handles: not written in this batch and not today's. */
  private async closeOldFiles(batch: ReadonlyMap<string, string[]>): Promise<void> {
    const closable = [...this.files.keys()].filter((day) => !batch.has(day) && day !== this.currentDay).sort();
    const excess = this.files.size - this.maxOpenFiles;
    const victims = closable.slice(0, excess).map((day) => {
      const file = this.files.get(day) as DayFile;
      this.files.delete(day);
      return file.handle.close();
    });
    await Promise.allSettled(victims);
  }

  /**
   * Starts gzipping every plain file of a day before `today`. Runs between
   * commits; marks the days first, so a later commit with lines for such a
   * day waits for its compression and then starts a fresh plain file (which
   * the next compression adds to the `.gz` as a new member).
   */
  private async startCompression(today: string): Promise<Promise<CompressDayResult>[]> {
    const names = await fs.promises.readdir(this.eventsDir);
    const jobs: Promise<CompressDayResult>[] = [];
    for (const name of names) {
      const parsed = parseEventFileName(name);
      if (!parsed || parsed.compressed || parsed.day >= today || this.compressing.has(parsed.day)) continue;
      const day = parsed.day;
      const open = this.files.get(day);
      this.files.delete(day);
      const job = (async () => {
        if (open) await open.handle.close();
        return compressDayFile(this.eventsDir, day);
      })();
      const settled = job.then(
        () => undefined,
        () => undefined,
      );
      this.compressing.set(day, settled);
      void settled.then(() => this.compressing.delete(day));
      jobs.push(job);
    }
    return jobs;
  }

  private runInBackground(jobs: Promise<CompressDayResult>[]): void {
    for (const job of jobs) {
      const tracked = job.catch((error: unknown) => {
        this.options.onBackgroundError?.(error instanceof Error ? error : new Error(String(error)));
      });
      this.backgroundJobs.add(tracked);
      void tracked.then(() => this.backgroundJobs.delete(tracked));
    }
  }

  /** The UTC day file an event belongs in, by its timestamp. */
  private dayOf(event: Event): string {
    const timestamp = event.metadata.timestamp;
    // Fast path for what the bus writes (`...Z`); offsets can move the day, so they are parsed.
    if (FAST_UTC_TIMESTAMP.test(timestamp)) return timestamp.slice(0, 10);
    const ms = parseTimestamp(timestamp);
    // An event with an unreadable timestamp still gets stored (today's file) rather than lost.
    return Number.isNaN(ms) ? utcDay(this.clock()) : utcDay(ms);
  }
}

const FAST_UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

async function writeAll(handle: fs.promises.FileHandle, buffer: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset, null);
    offset += bytesWritten;
  }
}
