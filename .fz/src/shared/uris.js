"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DECOMPRESSED_QUERY = exports.EVENTBUS_SCHEME = void 0;
exports.fileUriOf = fileUriOf;
exports.decompressedUriOf = decompressedUriOf;
exports.eventFileUriOf = eventFileUriOf;
exports.isDecompressedUri = isDecompressedUri;
exports.fsPathOfUri = fsPathOfUri;
/**
 * How event files are named between client and server.
 *
 * - A plain day file is its `file:` URI.
 * - A compressed day (`events_YYYY-MM-DD.jsonl.gz`) opens as a read-only
 *   decompressed text document under the extension's own scheme:
 *
 *       eventbus:/<absolute path of the .gz, as in a file URI>?decompressed
 *
 *   e.g. `eventbus:/home/me/app/event_store/events/events_2024-01-15.jsonl.gz?decompressed`
 *   (Windows: `eventbus:/c%3A/app/event_store/...`). The path keeps the `.gz`
 *   so one URI names one file on disk; the query says the content is the
 *   decompressed text. The extension registers a TextDocumentContentProvider
 *   for the scheme; the server publishes store-wide diagnostics for .gz days
 *   under these URIs.
 *
 * Paths are encoded the way VS Code's `Uri.toString()` does (each segment
 * percent-encoded, drive letter lower-cased), so a URI built here compares
 * equal to the one the editor sends. Parsing is lenient: any encoding works.
 * Pure string functions, no Node or vscode imports, usable on both sides.
 */
exports.EVENTBUS_SCHEME = 'eventbus';
exports.DECOMPRESSED_QUERY = 'decompressed';
/** `file:///...` for an absolute path (POSIX or Windows). */
function fileUriOf(absPath) {
    return `file://${encodePath(absPath)}`;
}
/** `eventbus:/...?decompressed` for the absolute path of a `.jsonl.gz` day. */
function decompressedUriOf(absGzPath) {
    return `${exports.EVENTBUS_SCHEME}:${encodePath(absGzPath)}?${exports.DECOMPRESSED_QUERY}`;
}
/** The URI an event file is shown under: `eventbus:` for gzip days, `file:` otherwise. */
function eventFileUriOf(absPath) {
    return absPath.endsWith('.gz') ? decompressedUriOf(absPath) : fileUriOf(absPath);
}
/** True for an `eventbus:` URI (a decompressed .jsonl.gz document). */
function isDecompressedUri(uri) {
    return uri.startsWith(`${exports.EVENTBUS_SCHEME}:`);
}
/**
 * The absolute file path behind a `file:` or `eventbus:` URI (native
 * separators when `windows`), or undefined for any other scheme.
 */
function fsPathOfUri(uri, windows = isWindowsHost()) {
    const match = /^(file|eventbus):(?:\/\/([^/?#]*))?([^?#]*)/i.exec(uri);
    if (!match)
        return undefined;
    const authority = match[2] ?? '';
    let decoded;
    try {
        decoded = decodeURIComponent(match[3]);
    }
    catch {
        return undefined;
    }
    if (authority.length > 0 && authority !== 'localhost')
        decoded = `//${authority}${decoded}`;
    if (/^\/[a-zA-Z]:/.test(decoded))
        decoded = decoded[1].toLowerCase() + decoded.slice(2);
    return windows ? decoded.replace(/\//g, '\\') : decoded;
}
function encodePath(absPath) {
    let p = absPath.replace(/\\/g, '/');
    if (/^[a-zA-Z]:/.test(p))
        p = `/${p[0].toLowerCase()}${p.slice(1)}`;
    if (!p.startsWith('/'))
        p = `/${p}`;
    return p
        .split('/')
        .map((segment) => encodeURIComponent(segment))
        .join('/');
}
function isWindowsHost() {
    const proc = globalThis.process;
    return proc?.platform === 'win32';
}
//# sourceMappingURL=uris.js.map