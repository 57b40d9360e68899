"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.NEW_STORE_LINE_STYLE = void 0;
exports.detectLineStyle = detectLineStyle;
exports.lastLinesOfStore = lastLinesOfStore;
exports.storeLineStyle = storeLineStyle;
exports.restyleTimestamp = restyleTimestamp;
exports.serializeEventInStyle = serializeEventInStyle;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const event_1 = require("../model/event");
const rawData_1 = require("../model/rawData");
const timestampStyle_1 = require("../model/timestampStyle");
const timestamp_1 = require("../model/timestamp");
const jsonRespace_1 = require("./jsonRespace");
const layout_1 = require("./layout");
const lineReader_1 = require("./lineReader");
const TOP_KEYS = ['event_type', 'data', 'metadata'];
exports.NEW_STORE_LINE_STYLE = Object.freeze({
    timestamp: timestampStyle_1.NEW_STORE_TIMESTAMP_STYLE,
    spelling: jsonRespace_1.COMPACT_SPELLING,
    topKeys: TOP_KEYS,
    metadataKeys: event_1.METADATA_KEYS,
});
/** Lines looked at: enough to see a zero fraction and a non-ASCII character. */
const SAMPLE_LINES = 50;
/** A gzip day bigger than this is not decompressed just to learn the style. */
const MAX_GZIP_SAMPLE_BYTES = 32 * 1024 * 1024;
/** The style of these lines (the last ones of the store, oldest first); undefined when none is an event. */
function detectLineStyle(lines) {
    const timestamps = [];
    let spelling;
    let rawNonAscii = false;
    let escapedNonAscii = false;
    let order;
    for (const line of lines) {
        let parsed;
        try {
            parsed = JSON.parse(line);
        }
        catch {
            continue;
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
            continue;
        const event = parsed;
        if (typeof event.metadata?.timestamp === 'string')
            timestamps.push(event.metadata.timestamp);
        const separators = /^\{"[^"]*"(\s*):(\s*)/.exec(line);
        if (separators) {
            const colon = `:${separators[2]}`;
            const comma = /"\s*,(\s*)"/.exec(line);
            spelling = { comma: `,${comma ? comma[1] : ''}`, colon, asciiOnly: false };
        }
        if (/[^\x00-\x7f]/.test(line))
            rawNonAscii = true;
        if (/\\u00[89a-f][0-9a-f]|\\u0[1-9a-f][0-9a-f]{2}|\\u[1-9a-f][0-9a-f]{3}/i.test(line))
            escapedNonAscii = true;
        const metadata = event.metadata;
        if (metadata && typeof metadata === 'object')
            order = { top: Object.keys(parsed), metadata: Object.keys(metadata) };
    }
    const timestamp = (0, timestampStyle_1.detectTimestampStyle)(timestamps);
    if (!timestamp || !spelling)
        return undefined;
    // json.dumps escapes by default: a Python-spaced store without raw non-ASCII is taken to escape it.
    const asciiOnly = escapedNonAscii || (!rawNonAscii && spelling.comma === ', ');
    return {
        timestamp,
        spelling: { ...spelling, asciiOnly },
        topKeys: order?.top ?? TOP_KEYS,
        metadataKeys: order?.metadata ?? event_1.METADATA_KEYS,
    };
}
/** The last lines of the newest day file that has events (plain or gzip). */
async function lastLinesOfStore(storeRoot, count = SAMPLE_LINES) {
    const dir = path.join(storeRoot, layout_1.EVENTS_DIR);
    let names;
    try {
        names = await fs.promises.readdir(dir);
    }
    catch {
        return [];
    }
    const days = names
        .map((name) => ({ name, parsed: (0, layout_1.parseEventFileName)(name) }))
        .filter((f) => f.parsed !== null)
        // Newest day first; of one day, the plain file (written last) before the gzip.
        .sort((a, b) => (a.parsed.day === b.parsed.day ? Number(a.parsed.compressed) - Number(b.parsed.compressed) : a.parsed.day < b.parsed.day ? 1 : -1));
    for (const { name, parsed } of days) {
        const file = path.join(dir, name);
        let text;
        if (parsed.compressed) {
            const stat = await fs.promises.stat(file);
            if (stat.size > MAX_GZIP_SAMPLE_BYTES)
                continue;
            text = (await (0, lineReader_1.readFileBytesTolerant)(file)).bytes.toString('utf8');
        }
        else {
            text = await tailText(file, 256 * 1024);
        }
        const lines = text.split(/\r?\n/).filter((line) => line.trim().startsWith('{'));
        if (lines.length > 0)
            return lines.slice(-count);
    }
    return [];
}
async function tailText(file, bytes) {
    const handle = await fs.promises.open(file, 'r');
    try {
        const { size } = await handle.stat();
        const start = Math.max(0, size - bytes);
        const buffer = Buffer.alloc(size - start);
        await handle.read(buffer, 0, buffer.length, start);
        const text = buffer.toString('utf8');
        // A partial first line is cut off; a torn last line fails to parse and is skipped.
        return start > 0 ? text.slice(text.indexOf('\n') + 1) : text;
    }
    finally {
        await handle.close();
    }
}
/** The store's line style, or the new-store style when it has no events yet. */
async function storeLineStyle(storeRoot) {
    return detectLineStyle(await lastLinesOfStore(storeRoot)) ?? exports.NEW_STORE_LINE_STYLE;
}
/** A timestamp re-spelled in the style (left as it is when it does not parse). */
function restyleTimestamp(text, style) {
    const ms = (0, timestamp_1.parseTimestamp)(text);
    return Number.isNaN(ms) ? text : (0, timestampStyle_1.formatInStyle)(ms, style);
}
/** A new store takes a `Z` timestamp as given (its precision included); an existing store's form wins. */
function timestampFor(text, style) {
    if (style === exports.NEW_STORE_LINE_STYLE && /Z$/.test(text) && !Number.isNaN((0, timestamp_1.parseTimestamp)(text)))
        return text;
    return restyleTimestamp(text, style.timestamp);
}
/**
 * The event's line in the store's style. Data goes out as it was given
 * (its raw text when the publisher kept it), only re-spaced; metadata in
 * the store's key order, unknown keys after.
 */
function serializeEventInStyle(event, style, options = {}) {
    const { spelling } = style;
    const metadata = event.metadata;
    const metadataKeys = [...style.metadataKeys.filter((k) => k in metadata), ...Object.keys(metadata).filter((k) => !style.metadataKeys.includes(k))];
    const metadataText = metadataKeys
        .map((key) => {
        const value = key === 'timestamp' && typeof metadata[key] === 'string' && !options.keepTimestamp ? timestampFor(metadata[key], style) : metadata[key];
        return `${JSON.stringify(key)}${spelling.colon}${JSON.stringify(value ?? null)}`;
    })
        .join(spelling.comma);
    const dataText = (0, rawData_1.rawDataOf)(event) ?? JSON.stringify(event.data ?? null);
    const parts = {
        event_type: JSON.stringify(event.event_type),
        data: dataText,
        metadata: `{${metadataText}}`,
    };
    const topKeys = [...style.topKeys.filter((k) => k in parts), ...TOP_KEYS.filter((k) => !style.topKeys.includes(k))];
    const body = `{${topKeys.map((key) => `${JSON.stringify(key)}${spelling.colon}${parts[key]}`).join(spelling.comma)}}`;
    return (0, jsonRespace_1.respaceJson)(body, spelling);
}
//# sourceMappingURL=lineStyle.js.map