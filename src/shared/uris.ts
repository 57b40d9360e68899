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
export const EVENTBUS_SCHEME = 'eventbus';
export const DECOMPRESSED_QUERY = 'decompressed';

/** `file:///...` for an absolute path (POSIX or Windows). */
export function fileUriOf(absPath: string): string {
  return `file://${encodePath(absPath)}`;
}

/** `eventbus:/...?decompressed` for the absolute path of a `.jsonl.gz` day. */
export function decompressedUriOf(absGzPath: string): string {
  return `${EVENTBUS_SCHEME}:${encodePath(absGzPath)}?${DECOMPRESSED_QUERY}`;
}

/** The URI an event file is shown under: `eventbus:` for gzip days, `file:` otherwise. */
export function eventFileUriOf(absPath: string): string {
  return absPath.endsWith('.gz') ? decompressedUriOf(absPath) : fileUriOf(absPath);
}

/** True for an `eventbus:` URI (a decompressed .jsonl.gz document). */
export function isDecompressedUri(uri: string): boolean {
  return uri.startsWith(`${EVENTBUS_SCHEME}:`);
}

/**
 * The absolute file path behind a `file:` or `eventbus:` URI (native
 * separators when `windows`), or undefined for any other scheme.
 */
export function fsPathOfUri(uri: string, windows = isWindowsHost()): string | undefined {
  const match = /^(file|eventbus):(?:\/\/([^/?#]*))?([^?#]*)/i.exec(uri);
  if (!match) return undefined;
  const authority = match[2] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(match[3]);
  } catch {
    return undefined;
  }
  if (authority.length > 0 && authority !== 'localhost') decoded = `//${authority}${decoded}`;
  if (/^\/[a-zA-Z]:/.test(decoded)) decoded = decoded[1].toLowerCase() + decoded.slice(2);
  return windows ? decoded.replace(/\//g, '\\') : decoded;
}

function encodePath(absPath: string): string {
  let p = absPath.replace(/\\/g, '/');
  if (/^[a-zA-Z]:/.test(p)) p = `/${p[0].toLowerCase()}${p.slice(1)}`;
  if (!p.startsWith('/')) p = `/${p}`;
  return p
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function isWindowsHost(): boolean {
  const proc = (globalThis as { process?: { platform?: string } }).process;
  return proc?.platform === 'win32';
}
