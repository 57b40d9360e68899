import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { Finding } from '../engine/validate/finding';
import { validateLine, type LineContext } from '../engine/validate/lineRules';

/** What the per-line rules need besides the text (the store's registry and limits). */
export type LineRuleContext = Omit<LineContext, 'file' | 'line' | 'unterminated' | 'severity'>;

const NONE: readonly Finding[] = Object.freeze([]);

/**
 * An open event document as lines, each with its per-line findings. Edits
 * (incremental sync) replace a range of lines and only mark the lines they
 * touch as unchecked: an edit costs a string slice (typing inside one line)
 * or an array splice, never a `validateLine`. The checking is done later, in
 * slices, by `validatePending` (the server runs it once typing pauses), so a
 * burst of 1,000 key presses checks the line typed in once, not 1,000 times,
 * and hover, which reads only the line under the cursor, never waits for it.
 * Findings keep the line number they were found on; their current line is
 * their index in `findings`.
 *
 * Store-wide findings (duplicates, sequences...) come from the store pass
 * over the file on disk; they are kept per line too, so they move with
 * edits, and are dropped from a line once its text changes (they come back,
 * right, when the file is saved and the store is refreshed).
 */
export class EventDocument {
  private lines: string[] = [];
  /** Per-line findings; undefined for a line not checked since it last changed. */
  private findings: (readonly Finding[] | undefined)[] = [];
  /** How many entries of `findings` are undefined. */
  private unchecked = 0;
  /** Where the next `validatePending` starts looking (every line before it is checked). */
  private firstUnchecked = 0;
  /**
   * Bumped whenever what `forEachFinding` visits may have changed. Typing in
   * a line that has no findings before and after leaves it as it was: the
   * diagnostics last published are still right, only their version is new.
   */
  private revision = 0;
  private storeFindings: (readonly Finding[] | undefined)[] = [];
  /** Document-level findings from the store pass (EB021 on an unreadable file), pinned to the first line. */
  private fileFindings: readonly Finding[] = NONE;

  constructor(
    readonly uri: string,
    /** Store-relative file, as findings name it. */
    readonly file: string,
    public version: number,
    text: string,
    private context: LineRuleContext,
  ) {
    this.setText(text);
  }

  get findingsRevision(): number {
    return this.revision;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  lineText(line0: number): string {
    return this.lines[line0] ?? '';
  }

  text(): string {
    return this.lines.join('\n');
  }

  /** New schemas or limits: every line is to be checked again. */
  setContext(context: LineRuleContext): void {
    this.context = context;
    this.revision++;
    this.findings.fill(undefined);
    this.unchecked = this.lines.length;
    this.firstUnchecked = 0;
  }

  setText(text: string): void {
    this.lines = splitLines(text);
    this.revision++;
    this.findings = new Array<readonly Finding[] | undefined>(this.lines.length).fill(undefined);
    this.unchecked = this.lines.length;
    this.firstUnchecked = 0;
    this.storeFindings = new Array<readonly Finding[] | undefined>(this.lines.length).fill(undefined);
  }

  /** Lines not checked since they last changed (0: every finding is current). */
  get uncheckedLines(): number {
    return this.unchecked;
  }

  /**
   * Checks unchecked lines until none is left or `deadline` (a
   * `performance.now()` time) has passed; returns whether none is left. The
   * caller yields between calls, so requests and edits get their turn.
   */
  validatePending(deadline: number): boolean {
    const last = this.lines.length - 1;
    let line0 = this.firstUnchecked;
    let outOfTime = false;
    for (let checked = 0; this.unchecked > 0 && line0 <= last; line0++) {
      if (this.findings[line0] !== undefined) continue;
      const text = this.lines[line0];
      const found = text.length === 0 ? NONE : validateLine(text, { ...this.context, file: this.file, line: line0 + 1, unterminated: line0 === last });
      if (found.length > 0) this.revision++;
      this.findings[line0] = found;
      this.unchecked--;
      // The clock is read every few lines: a line takes tens of microseconds.
      if (++checked % 64 === 0 && performance.now() >= deadline) {
        outOfTime = true;
        line0++;
        break;
      }
    }
    if (!outOfTime && line0 > last && this.unchecked > 0) {
      // Every line from firstUnchecked on is checked: the rest are before it (or the count is off), so look from the top
      // next time; a whole pass from the top finding none means none is left.
      if (this.firstUnchecked === 0) this.unchecked = 0;
      line0 = 0;
    }
    this.firstUnchecked = line0;
    return this.unchecked === 0;
  }

  /** Applies LSP content changes in order; the lines they touch are left unchecked. */
  applyChanges(changes: readonly TextDocumentContentChangeEvent[]): void {
    for (const change of changes) {
      if (!('range' in change) || change.range === undefined) {
        this.setText(change.text);
        continue;
      }
      this.replaceRange(change.range.start, change.range.end, change.text);
    }
  }

  /**
   * Store-wide findings of this file (as found on disk): placed on their
   * lines and kept while those lines are unchanged. Lines past the end of the
   * document (the disk file is longer than the unsaved text) are dropped.
   */
  setStoreFindings(findings: readonly Finding[]): void {
    this.revision++;
    this.storeFindings = new Array<readonly Finding[] | undefined>(this.lines.length).fill(undefined);
    const fileLevel: Finding[] = [];
    for (const finding of findings) {
      if (finding.code === 'EB021') {
        fileLevel.push(finding);
        continue;
      }
      const line0 = finding.line - 1;
      if (line0 < 0 || line0 >= this.lines.length) continue;
      const list = (this.storeFindings[line0] ?? []) as Finding[];
      list.push(finding);
      this.storeFindings[line0] = list;
    }
    this.fileFindings = fileLevel;
  }

  /** Every finding with its current 0-based line, in line order. */
  forEachFinding(visit: (finding: Finding, line0: number) => void): void {
    for (const finding of this.fileFindings) visit(finding, 0);
    for (let line0 = 0; line0 < this.lines.length; line0++) {
      const own = this.findings[line0];
      if (own) for (const finding of own) visit(finding, line0);
      const store = this.storeFindings[line0];
      if (store) for (const finding of store) visit(finding, line0);
    }
  }

  private replaceRange(start: { line: number; character: number }, end: { line: number; character: number }, text: string): void {
    const lastLine = this.lines.length - 1;
    const startLine = clamp(start.line, 0, lastLine);
    const endLine = clamp(end.line, startLine, lastLine);
    const head = this.lines[startLine].slice(0, Math.max(0, start.character));
    const tail = this.lines[endLine].slice(Math.max(0, end.line > lastLine ? this.lines[endLine].length : end.character));
    if (startLine === endLine && !text.includes('\n')) {
      // Typing inside one line (almost every key press): that line changes, nothing moves.
      const changed = head + text + tail;
      if (changed !== this.lines[startLine]) this.markChanged(startLine, changed);
      return;
    }
    const inserted = splitLines(text);
    inserted[0] = head + inserted[0];
    inserted[inserted.length - 1] += tail;
    const removed = endLine - startLine + 1;
    const oldLines = this.lines.slice(startLine, endLine + 1);
    const oldFindings = this.findings.slice(startLine, endLine + 1);
    const oldStore = this.storeFindings.slice(startLine, endLine + 1);
    const newFindings = new Array<readonly Finding[] | undefined>(inserted.length).fill(undefined);
    const newStore = new Array<readonly Finding[] | undefined>(inserted.length).fill(undefined);
    // Typing Enter at a line's start or end leaves that line's text as it was: it keeps its findings,
    // store-wide ones included, and is not checked again.
    const wasLast = endLine === lastLine;
    const carry = (to: number, from: number) => {
      if (inserted[to] !== oldLines[from]) return;
      newStore[to] = oldStore[from];
      // Whether the old last line is torn depends on it being last: its per-line findings are redone.
      if (!(wasLast && from === oldLines.length - 1)) newFindings[to] = oldFindings[from];
    };
    carry(0, 0);
    if (inserted.length > 1 && oldLines.length > 0) carry(inserted.length - 1, oldLines.length - 1);
    this.revision++;
    for (const old of oldFindings) if (old === undefined) this.unchecked--;
    for (const now of newFindings) if (now === undefined) this.unchecked++;
    spliceInPlace(this.lines, startLine, removed, inserted);
    spliceInPlace(this.findings, startLine, removed, newFindings);
    spliceInPlace(this.storeFindings, startLine, removed, newStore);
    // Only the last line can be torn: an edit reaching the old last line holds the new last line, checked again.
    const newLast = startLine + inserted.length - 1;
    if (wasLast && this.findings[newLast] !== undefined) {
      this.findings[newLast] = undefined;
      this.unchecked++;
    }
    this.firstUnchecked = Math.min(this.firstUnchecked, startLine);
  }

  /** One line's new text: its findings, per-line and store-wide, are dropped until it is checked again. */
  private markChanged(line0: number, text: string): void {
    this.lines[line0] = text;
    const had = this.findings[line0];
    // A line already unchecked shows nothing: dropping it again changes nothing shown.
    if ((had !== undefined && had.length > 0) || this.storeFindings[line0] !== undefined) this.revision++;
    if (had !== undefined) this.unchecked++;
    this.findings[line0] = undefined;
    this.storeFindings[line0] = undefined;
    this.firstUnchecked = Math.min(this.firstUnchecked, line0);
  }
}

/**
 * Lines as the engine's line reader sees them: split at LF, a CR before the
 * LF dropped, a leading BOM dropped. Text ending in a line end has a last,
 * empty line (nothing in it is torn).
 */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i];
    if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  return lines;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** `array.splice(start, deleteCount, ...items)` without spreading (a pasted file can have more lines than a call has arguments). */
function spliceInPlace<T>(array: T[], start: number, deleteCount: number, items: readonly T[]): void {
  if (items.length < 10_000) {
    array.splice(start, deleteCount, ...items);
    return;
  }
  const tail = array.slice(start + deleteCount);
  array.length = start;
  for (const item of items) array.push(item);
  for (const item of tail) array.push(item);
}
