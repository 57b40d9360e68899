"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DOCUMENT_SYMBOLS_LINE_CAP = void 0;
exports.documentSymbols = documentSymbols;
exports.documentSymbolsOfLines = documentSymbolsOfLines;
const vscode_languageserver_protocol_1 = require("vscode-languageserver-protocol");
const lspRanges_1 = require("./lspRanges");
/** Lines looked at; an outline of more events than this helps nobody, and each request while typing in a 100,000-line file must answer within 200 ms (10,000 symbols took 0.5 s to encode and send). */
exports.DOCUMENT_SYMBOLS_LINE_CAP = 2_000;
/**
 * One symbol per event line, `seq · type · aggregate`, for the outline and
 * breadcrumbs. Only the first `lineCap` lines are read (the document is not
 * split as a whole, so a 100,000-line file costs only what is shown). Lines
 * that are not events are left out; their diagnostics say why.
 */
function documentSymbols(documentText, lineCap = exports.DOCUMENT_SYMBOLS_LINE_CAP) {
    let start = 0;
    return documentSymbolsOfLines(() => {
        if (start > documentText.length)
            return undefined;
        let end = documentText.indexOf('\n', start);
        if (end < 0)
            end = documentText.length;
        const text = documentText.charCodeAt(end - 1) === 13 ? documentText.slice(start, end - 1) : documentText.slice(start, end);
        start = end + 1;
        return text;
    }, lineCap);
}
/**
 * The same from a document kept as lines (the server's): `nextLine` gives
 * each line in turn, undefined past the last, so the text is never joined
 * (a 100,000-line document is 40 MB of it, on every request while typing).
 */
function documentSymbolsOfLines(nextLine, lineCap = exports.DOCUMENT_SYMBOLS_LINE_CAP) {
    const symbols = [];
    for (let line = 0; line < lineCap; line++) {
        const text = nextLine();
        if (text === undefined)
            break;
        const symbol = symbolOfLine(text, line);
        if (symbol)
            symbols.push(symbol);
    }
    return symbols;
}
/**
 * Cores by line text, so a request while typing parses only the lines that
 * changed (each one is a JSON.parse; 10,000 of them on every request kept
 * hover waiting). The keys are the document's own line strings; the cache is
 * dropped whole when it grows past the cap.
 */
const coreCache = new Map();
const CORE_CACHE_CAP = 4 * exports.DOCUMENT_SYMBOLS_LINE_CAP;
function symbolOfLine(text, line) {
    let core = coreCache.get(text);
    if (core === undefined) {
        if (coreCache.size >= CORE_CACHE_CAP)
            coreCache.clear();
        core = symbolCoreOf(text);
        coreCache.set(text, core);
    }
    if (core === null)
        return undefined;
    const range = (0, lspRanges_1.wholeLine)(line, text);
    return { name: core.name, ...(core.detail !== undefined ? { detail: core.detail } : {}), kind: vscode_languageserver_protocol_1.SymbolKind.Event, range, selectionRange: range };
}
function symbolCoreOf(text) {
    if (text.trim().length === 0)
        return null;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return null;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return null;
    const event = value;
    const meta = (event.metadata !== null && typeof event.metadata === 'object' ? event.metadata : {});
    const type = typeof event.event_type === 'string' ? event.event_type : '?';
    const sequence = typeof meta.sequence_number === 'number' ? String(meta.sequence_number) : '?';
    const aggregate = typeof meta.aggregate_id === 'string' ? meta.aggregate_id : '—';
    return { name: `${sequence} · ${type} · ${aggregate}`, ...(typeof meta.timestamp === 'string' ? { detail: meta.timestamp } : {}) };
}
//# sourceMappingURL=documentSymbols.js.map