import * as fs from 'node:fs';
import * as path from 'node:path';
import { METADATA_KEYS, type Event } from '../model/event';
import { rawDataOf } from '../model/rawData';
import { detectTimestampStyle, formatInStyle, NEW_STORE_TIMESTAMP_STYLE, type TimestampStyle } from '../model/timestampStyle';
import { parseTimestamp } from '../model/timestamp';
import { COMPACT_SPELLING, respaceJson, type JsonSpelling } from './jsonRespace';
import { EVENTS_DIR, parseEventFileName } from './layout';
import { readFileBytesTolerant } from './lineReader';

/**
 * How a store's lines are spelled, detected from its last lines so that new
 * lines read the same: the timestamp form, the JSON separators, whether
 * non-ASCII is escaped, and the key order. A file never gets two styles.
 * A new store gets the guide's example form (compact, `Z`).
 */
export interface LineStyle {
  readonly timestamp: TimestampStyle;
  readonly spelling: JsonSpelling;
  readonly topKeys: readonly string[];
  readonly metadataKeys: readonly string[];
}

const TOP_KEYS = ['event_type', 'data', 'metadata'] as const;

export const NEW_STORE_LINE_STYLE: LineStyle = Object.freeze({
  timestamp: NEW_STORE_TIMESTAMP_STYLE,
  spelling: COMPACT_SPELLING,
  topKeys: TOP_KEYS,
  metadataKeys: METADATA_KEYS,
});

/** Lines looked at: enough to see a zero fraction and a non-ASCII character. */
const SAMPLE_LINES = 50;
/** A gzip day bigger than this is not decompressed just to learn the style. */
const MAX_GZIP_SAMPLE_BYTES = 32 * 1024 * 1024;

/** The style of these lines (the last ones of the store, oldest first); undefined when none is an event. */
export function detectLineStyle(lines: readonly string[]): LineStyle | undefined {
  const timestamps: string[] = [];
  let spelling: JsonSpelling | undefined;
  let rawNonAscii = false;
  let escapedNonAscii = false;
  let order: { top: string[]; metadata: string[] } | undefined;
  for (const line of lines) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) continue;
    const event = parsed as { metadata?: { timestamp?: unknown } };
    if (typeof event.metadata?.timestamp === 'string') timestamps.push(event.metadata.timestamp);
    const separators = /^\{"[^"]*"(\s*):(\s*)/.exec(line);
    if (separators) {
      const colon = `:${separators[2]}`;
      const comma = /"\s*,(\s*)"/.exec(line);
      spelling = { comma: `,${comma ? comma[1] : ''}`, colon, asciiOnly: false };
    }
    if (/[^\x00-\x7f]/.test(line)) rawNonAscii = true;
    if (/\\u00[89a-f][0-9a-f]|\\u0[1-9a-f][0-9a-f]{2}|\\u[1-9a-f][0-9a-f]{3}/i.test(line)) escapedNonAscii = true;
    const metadata = event.metadata;
    if (metadata && typeof metadata === 'object') order = { top: Object.keys(parsed), metadata: Object.keys(metadata) };
  }
  const timestamp = detectTimestampStyle(timestamps);
  if (!timestamp || !spelling) return undefined;
  // json.dumps escapes by default: a Python-spaced store without raw non-ASCII is taken to escape it.
  const asciiOnly = escapedNonAscii || (!rawNonAscii && spelling.comma === ', ');
  return {
    timestamp,
    spelling: { ...spelling, asciiOnly },
    topKeys: order?.top ?? TOP_KEYS,
    metadataKeys: order?.metadata ?? METADATA_KEYS,
  };
}

/** The last lines of the newest day file that has events (plain or gzip). */
export async function lastLinesOfStore(storeRoot: string, count = SAMPLE_LINES): Promise<string[]> {
  const dir = path.join(storeRoot, EVENTS_DIR);
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return [];
  }
  const days = names
    .map((name) => ({ name, parsed: parseEventFileName(name) }))
    .filter((f) => f.parsed !== null)
    // Newest day first; of one day, the plain file (written last) before the gzip.
    .sort((a, b) => (a.parsed!.day === b.parsed!.day ? Number(a.parsed!.compressed) - Number(b.parsed!.compressed) : a.parsed!.day < b.parsed!.day ? 1 : -1));
  for (const { name, parsed } of days) {
    const file = path.join(dir, name);
    let text: string;
    if (parsed!.compressed) {
      const stat = await fs.promises.stat(file);
      if (stat.size > MAX_GZIP_SAMPLE_BYTES) continue;
      text = (await readFileBytesTolerant(file)).bytes.toString('utf8');
    } else {
      text = await tailText(file, 256 * 1024);
    }
    const lines = text.split(/\r?\n/).filter((line) => line.trim().startsWith('{'));
    if (lines.length > 0) return lines.slice(-count);
  }
  return [];
}

async function tailText(file: string, bytes: number): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - bytes);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const text = buffer.toString('utf8');
    // A partial first line is cut off; a torn last line fails to parse and is skipped.
    return start > 0 ? text.slice(text.indexOf('\n') + 1) : text;
  } finally {
    await handle.close();
  }
}

/** The store's line style, or the new-store style when it has no events yet. */
export async function storeLineStyle(storeRoot: string): Promise<LineStyle> {
  return detectLineStyle(await lastLinesOfStore(storeRoot)) ?? NEW_STORE_LINE_STYLE;
}

/** A timestamp re-spelled in the style (left as it is when it does not parse). */
export function restyleTimestamp(text: string, style: TimestampStyle): string {
  const ms = parseTimestamp(text);
  return Number.isNaN(ms) ? text : formatInStyle(ms, style);
}

/** A new store takes a `Z` timestamp as given (its precision included); an existing store's form wins. */
function timestampFor(text: string, style: LineStyle): string {
  if (style === NEW_STORE_LINE_STYLE && /Z$/.test(text) && !Number.isNaN(parseTimestamp(text))) return text;
  return restyleTimestamp(text, style.timestamp);
}

/**
 * The event's line in the store's style. Data goes out as it was given
 * (its raw text when the publisher kept it), only re-spaced; metadata in
 * the store's key order, unknown keys after.
 */
export function serializeEventInStyle(event: Event, style: LineStyle, options: { readonly keepTimestamp?: boolean } = {}): string {
  const { spelling } = style;
  const metadata = event.metadata as unknown as Record<string, unknown>;
  const metadataKeys = [...style.metadataKeys.filter((k) => k in metadata), ...Object.keys(metadata).filter((k) => !style.metadataKeys.includes(k))];
  const metadataText = metadataKeys
    .map((key) => {
      const value = key === 'timestamp' && typeof metadata[key] === 'string' && !options.keepTimestamp ? timestampFor(metadata[key] as string, style) : metadata[key];
      return `${JSON.stringify(key)}${spelling.colon}${JSON.stringify(value ?? null)}`;
    })
    .join(spelling.comma);
  const dataText = rawDataOf(event) ?? JSON.stringify(event.data ?? null);
  const parts: Record<string, string> = {
    event_type: JSON.stringify(event.event_type),
    data: dataText,
    metadata: `{${metadataText}}`,
  };
  const topKeys = [...style.topKeys.filter((k) => k in parts), ...TOP_KEYS.filter((k) => !style.topKeys.includes(k))];
  const body = `{${topKeys.map((key) => `${JSON.stringify(key)}${spelling.colon}${parts[key]}`).join(spelling.comma)}}`;
  return respaceJson(body, spelling);
}
