import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { StoreIndex } from '../engine/model/indexTypes';
import { gunzipTolerant, isGzipPath } from '../engine/store/lineReader';
import { decompressedUriOf, fsPathOfUri } from '../shared/uris';

/**
 * Where an event's line is shown: its day file. A plain day is its path; a
 * `.jsonl.gz` day is either the extension's `eventbus:` decompressed
 * document (where the editor can also set breakpoints) or, for any other
 * DAP client, a sourceReference whose text the adapter sends.
 */
export class EventSources {
  private readonly references = new Map<string, number>();
  private readonly files: string[] = [];
  private fileOrder?: Map<string, number>;

  constructor(
    private readonly storeRoot: string,
    private readonly index: StoreIndex,
    private readonly gzipSources: 'sourceReference' | 'eventbusUri',
  ) {}

  /** The DAP source of a store file (relative, `events/events_…jsonl[.gz]`). */
  sourceOf(file: string): DebugProtocol.Source {
    const absolute = path.join(this.storeRoot, file);
    const name = path.basename(file);
    if (!isGzipPath(file)) return { name, path: absolute };
    if (this.gzipSources === 'eventbusUri') return { name, path: decompressedUriOf(absolute) };
    return { name, path: absolute, sourceReference: this.referenceOf(file), presentationHint: 'normal', origin: 'decompressed .gz day' };
  }

  /** The decompressed text of a sourceReference. */
  textOf(reference: number): string {
    const file = this.files[reference - 1];
    if (file === undefined) throw new Error(`no source with reference ${reference}`);
    const { bytes, problem } = gunzipTolerant(fs.readFileSync(path.join(this.storeRoot, file)));
    if (problem && bytes.length === 0) throw new Error(`${file}: ${problem}`);
    return bytes.toString('utf8');
  }

  /** The store file a client's source names (a path, a file: or eventbus: URI, or a sourceReference), or why not. */
  storeFileOf(source: DebugProtocol.Source): { file: string } | { problem: string } {
    if (source.sourceReference !== undefined && source.sourceReference > 0) {
      const file = this.files[source.sourceReference - 1];
      return file !== undefined ? { file } : { problem: `no source with reference ${source.sourceReference}` };
    }
    const given = source.path ?? '';
    const absolute = /^[a-z][a-z0-9+.-]+:/i.test(given) && !/^[a-z]:[\\/]/i.test(given) ? fsPathOfUri(given) : given;
    if (!absolute) return { problem: `${given}: not a file of this store` };
    const relative = path.relative(this.storeRoot, path.resolve(absolute)).split(path.sep).join('/');
    if (relative.startsWith('..') || path.isAbsolute(relative)) return { problem: `${absolute} is outside the store ${this.storeRoot}` };
    if (!this.index.files.some((f) => f.file === relative)) return { problem: `${relative} is not an indexed day file of the store` };
    return { file: relative };
  }

  /**
   * The ordinal of the event on a line of a store file, or undefined when
   * that line holds none (blank, unreadable). Ordinals are in store order —
   * files by day, then line — so a binary search finds it.
   */
  ordinalAt(file: string, line: number): number | undefined {
    this.fileOrder ??= new Map(this.index.files.map((f, i) => [f.file, i]));
    const order = this.fileOrder;
    const want = order.get(file);
    if (want === undefined) return undefined;
    const key = (ordinal: number): number => {
      const at = this.index.locationOf(ordinal);
      return (order.get(at.file) ?? -1) * 2 ** 32 + at.line;
    };
    const target = want * 2 ** 32 + line;
    let lo = 0;
    let hi = this.index.eventCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = key(mid);
      if (k === target) return mid;
      if (k < target) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  private referenceOf(file: string): number {
    let reference = this.references.get(file);
    if (reference === undefined) {
      this.files.push(file);
      reference = this.files.length;
      this.references.set(file, reference);
    }
    return reference;
  }
}
