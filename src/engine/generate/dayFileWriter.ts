import * as fs from 'node:fs';
import * as path from 'node:path';
import { eventFileName } from '../store/layout';

const BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * Writes generated lines into `events/events_<day>.jsonl`, one file per UTC
 * day, in large synchronous writes. Each line is encoded into one reused
 * buffer at once: keeping lines as strings until a flush made them survive
 * young-generation GCs, and copying them there cost more than everything
 * else together.
 */
export class DayFileWriter {
  private fd: number | null = null;
  private day = '';
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private lineInFile = 0;
  private bytes = 0;
  private readonly files: string[] = [];

  constructor(private readonly eventsDir: string) {
    fs.mkdirSync(eventsDir, { recursive: true });
  }

  /** Store-relative names of the files written so far, in day order. */
  get writtenFiles(): readonly string[] {
    return this.files;
  }

  get currentFile(): string {
    return this.files[this.files.length - 1] ?? '';
  }

  /** 1-based line number the next line will have in the current file. */
  get nextLine(): number {
    return this.lineInFile + 1;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** Switches to the day's file when it differs from the current one; days must come in order. */
  startDay(day: string): void {
    if (day === this.day) return;
    this.closeFile();
    this.day = day;
    const name = eventFileName(day);
    this.fd = fs.openSync(path.join(this.eventsDir, name), 'w');
    this.files.push(`events/${name}`);
    this.lineInFile = 0;
  }

  /** Appends one line (without its newline). Returns its 1-based line number in the current file. */
  writeLine(line: string): number {
    this.append(line);
    if (this.used >= BUFFER_BYTES) this.flush();
    this.buffer[this.used++] = 0x0a;
    this.lineInFile++;
    return this.lineInFile;
  }

  /** Writes text with no line end: the torn tail a crash mid-write leaves. */
  writeTornTail(text: string): number {
    this.append(text);
    this.lineInFile++;
    return this.lineInFile;
  }

  close(): void {
    this.closeFile();
  }

  private append(text: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    if (this.used + text.length * 3 > BUFFER_BYTES) {
      this.flush();
      if (text.length * 3 > BUFFER_BYTES) {
        this.writeAll(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private flush(): void {
    if (this.used === 0) return;
    this.writeAll(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeAll(chunk: Buffer): void {
    if (this.fd === null) throw new Error('no day file is open (startDay first)');
    let offset = 0;
    while (offset < chunk.length) offset += fs.writeSync(this.fd, chunk, offset, chunk.length - offset);
    this.bytes += chunk.length;
  }

  private closeFile(): void {
    this.flush();
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}
