"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventDocument = void 0;
exports.splitLines = splitLines;
const lineRules_1 = require("../engine/validate/lineRules");
const NONE = Object.freeze([]);
/**
 * An open event document as lines, each with its per-line findings. Edits
 * (incremental sync) replace a range of lines; only the lines an edit
 * touches are validated again, so one edit in a 100,000-line document costs
 * one `validateLine` plus an array splice. Findings keep the line number
 * they were found on; their current line is their index in `findings`.
 *
 * Store-wide findings (duplicates, sequences...) come from the store pass
 * over the file on disk; they are kept per line too, so they move with
 * edits, and are dropped from a line once its text changes (they come back,
 * right, when the file is saved and the store is refreshed).
 */
class EventDocument {
    uri;
    file;
    version;
    context;
    lines = [];
    findings = [];
    storeFindings = [];
    /** Document-level findings from the store pass (EB021 on an unreadable file), pinned to the first line. */
    fileFindings = NONE;
    constructor(uri, 
    /** Store-relative file, as findings name it. */
    file, version, text, context) {
        this.uri = uri;
        this.file = file;
        this.version = version;
        this.context = context;
        this.setText(text);
    }
    get lineCount() {
        return this.lines.length;
    }
    lineText(line0) {
        return this.lines[line0] ?? '';
    }
    text() {
        return this.lines.join('\n');
    }
    /** New schemas or limits: every line is checked again. */
    setContext(context) {
        this.context = context;
        this.revalidate(0, this.lines.length);
    }
    setText(text) {
        this.lines = splitLines(text);
        this.findings = new Array(this.lines.length).fill(NONE);
        this.storeFindings = new Array(this.lines.length).fill(undefined);
        this.revalidate(0, this.lines.length);
    }
    /** Applies LSP content changes in order; returns the number of lines validated again. */
    applyChanges(changes) {
        let validated = 0;
        for (const change of changes) {
            if (!('range' in change) || change.range === undefined) {
                this.setText(change.text);
                validated += this.lines.length;
                continue;
            }
            validated += this.replaceRange(change.range.start, change.range.end, change.text);
        }
        return validated;
    }
    /**
     * Store-wide findings of this file (as found on disk): placed on their
     * lines and kept while those lines are unchanged. Lines past the end of the
     * document (the disk file is longer than the unsaved text) are dropped.
     */
    setStoreFindings(findings) {
        this.storeFindings = new Array(this.lines.length).fill(undefined);
        const fileLevel = [];
        for (const finding of findings) {
            if (finding.code === 'EB021') {
                fileLevel.push(finding);
                continue;
            }
            const line0 = finding.line - 1;
            if (line0 < 0 || line0 >= this.lines.length)
                continue;
            const list = (this.storeFindings[line0] ?? []);
            list.push(finding);
            this.storeFindings[line0] = list;
        }
        this.fileFindings = fileLevel;
    }
    /** Every finding with its current 0-based line, in line order. */
    forEachFinding(visit) {
        for (const finding of this.fileFindings)
            visit(finding, 0);
        for (let line0 = 0; line0 < this.lines.length; line0++) {
            for (const finding of this.findings[line0])
                visit(finding, line0);
            const store = this.storeFindings[line0];
            if (store)
                for (const finding of store)
                    visit(finding, line0);
        }
    }
    replaceRange(start, end, text) {
        const lastLine = this.lines.length - 1;
        const startLine = clamp(start.line, 0, lastLine);
        const endLine = clamp(end.line, startLine, lastLine);
        const head = this.lines[startLine].slice(0, Math.max(0, start.character));
        const tail = this.lines[endLine].slice(Math.max(0, end.line > lastLine ? this.lines[endLine].length : end.character));
        const inserted = splitLines(text);
        inserted[0] = head + inserted[0];
        inserted[inserted.length - 1] += tail;
        const removed = endLine - startLine + 1;
        const oldLines = this.lines.slice(startLine, endLine + 1);
        const oldFindings = this.findings.slice(startLine, endLine + 1);
        const oldStore = this.storeFindings.slice(startLine, endLine + 1);
        const newFindings = new Array(inserted.length).fill(undefined);
        const newStore = new Array(inserted.length).fill(undefined);
        // Typing Enter at a line's start or end leaves that line's text as it was: it keeps its findings,
        // store-wide ones included, and is not checked again.
        const wasLast = endLine === lastLine;
        const carry = (to, from) => {
            if (inserted[to] !== oldLines[from])
                return;
            newStore[to] = oldStore[from];
            // Whether the old last line is torn depends on it being last: its per-line findings are redone.
            if (!(wasLast && from === oldLines.length - 1))
                newFindings[to] = oldFindings[from];
        };
        carry(0, 0);
        if (inserted.length > 1 && oldLines.length > 0)
            carry(inserted.length - 1, oldLines.length - 1);
        spliceInPlace(this.lines, startLine, removed, inserted);
        spliceInPlace(this.findings, startLine, removed, newFindings.map((f) => f ?? NONE));
        spliceInPlace(this.storeFindings, startLine, removed, newStore);
        let validated = 0;
        for (let i = 0; i < inserted.length; i++) {
            // Only the last line can be torn: an edit reaching the old last line holds the new last line, which is checked again.
            const isLast = wasLast && i === inserted.length - 1;
            if (newFindings[i] === undefined || isLast)
                validated += this.revalidate(startLine + i, startLine + i + 1);
        }
        return validated;
    }
    /** Checks lines [from, to) with the per-line rules; blank lines have no findings. */
    revalidate(from, to) {
        const last = this.lines.length - 1;
        for (let line0 = from; line0 < to; line0++) {
            const text = this.lines[line0];
            this.findings[line0] =
                text.length === 0
                    ? NONE
                    : (0, lineRules_1.validateLine)(text, { ...this.context, file: this.file, line: line0 + 1, unterminated: line0 === last });
        }
        return Math.max(0, to - from);
    }
}
exports.EventDocument = EventDocument;
/**
 * Lines as the engine's line reader sees them: split at LF, a CR before the
 * LF dropped, a leading BOM dropped. Text ending in a line end has a last,
 * empty line (nothing in it is torn).
 */
function splitLines(text) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const lines = body.split('\n');
    for (let i = 0; i < lines.length - 1; i++) {
        const line = lines[i];
        if (line.charCodeAt(line.length - 1) === 13)
            lines[i] = line.slice(0, -1);
    }
    return lines;
}
function clamp(value, min, max) {
    return Math.min(Math.max(value, min), max);
}
/** `array.splice(start, deleteCount, ...items)` without spreading (a pasted file can have more lines than a call has arguments). */
function spliceInPlace(array, start, deleteCount, items) {
    if (items.length < 10_000) {
        array.splice(start, deleteCount, ...items);
        return;
    }
    const tail = array.slice(start + deleteCount);
    array.length = start;
    for (const item of items)
        array.push(item);
    for (const item of tail)
        array.push(item);
}
//# sourceMappingURL=eventDocument.js.map