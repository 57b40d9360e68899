"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LineLocator = void 0;
exports.pointerSegments = pointerSegments;
exports.describePath = describePath;
exports.stringEnd = stringEnd;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;
/*
 * The one scanner of JSON *text* (decoded lines, UTF-16 offsets: what
 * editors, findings and number-preserving rewrites need). Its sibling
 * `index/envelopeScanner.ts` reads *bytes* and validates as it goes: it is
 * the indexing hot path, where decoding each line to a string first would
 * double the cost. Two inputs, two scanners; nothing else walks JSON.
 */
/**
 * Finds the token of a JSON path inside one event line, for findings that
 * need a range. Used only on lines JSON.parse accepted, so it can walk the
 * text with a plain character scan: it skips every value off the path
 * without building anything, which keeps locating cheap even when many
 * lines have findings. Keys are compared decoded (`\u` escapes included);
 * duplicate keys resolve to the last one, as JSON.parse does.
 */
class LineLocator {
    text;
    constructor(text) {
        this.text = text;
    }
    /** The whole value (trimmed of surrounding whitespace). */
    wholeLine() {
        const start = this.text.length - this.text.trimStart().length;
        const end = this.text.trimEnd().length;
        return end > start ? { start, end } : { start: 0, end: this.text.length };
    }
    /** The value token at the path (for an object or array: all of it). */
    valueRange(path) {
        return this.locate(path)?.value;
    }
    /**
     * The value token at a path the caller knows exists in the parsed line
     * (e.g. metadata.schema_version it just read). When the last key occurs
     * only once in the whole line it must be that one, and its value is found
     * without walking the line: EB012 alone can be reported for tens of
     * thousands of lines of a store.
     */
    knownValueRange(path) {
        const last = path[path.length - 1];
        if (typeof last === 'string' && /^[\w.-]+$/.test(last)) {
            const quoted = `"${last}"`;
            const first = this.text.indexOf(quoted);
            if (first !== -1 && this.text.indexOf(quoted, first + 1) === -1) {
                try {
                    const colon = this.skipSpace(first + quoted.length);
                    if (this.text.charCodeAt(colon) === COLON) {
                        const start = this.skipSpace(colon + 1);
                        return { start, end: this.skipValue(start) };
                    }
                }
                catch {
                    // Fall through to the full walk.
                }
            }
        }
        return this.valueRange(path);
    }
    /** The key naming the path's last property (`"price"` with its quotes); the value for an array item. */
    keyRange(path) {
        const found = this.locate(path);
        return found ? (found.key ?? found.value) : undefined;
    }
    locate(path) {
        try {
            const start = this.skipSpace(0);
            if (path.length === 0)
                return { key: undefined, value: { start, end: this.skipValue(start) } };
            let found;
            let at = start;
            for (const segment of path) {
                found = this.child(at, segment);
                if (!found)
                    return undefined;
                at = found.value.start;
            }
            return found;
        }
        catch {
            // Not the valid JSON this scanner expects: no range rather than a wrong one.
            return undefined;
        }
    }
    /** The member `segment` of the object or array starting at `start`. */
    child(start, segment) {
        const text = this.text;
        const open = text.charCodeAt(start);
        if (open === OPEN_BRACE) {
            const wanted = String(segment);
            let found;
            let at = this.skipSpace(start + 1);
            if (text.charCodeAt(at) === CLOSE_BRACE)
                return undefined;
            for (;;) {
                const keyStart = at;
                const keyEnd = this.skipString(at);
                at = this.skipSpace(keyEnd);
                this.expect(at, COLON);
                const valueStart = this.skipSpace(at + 1);
                const valueEnd = this.skipValue(valueStart);
                if (this.keyEquals(keyStart, keyEnd, wanted)) {
                    found = { key: { start: keyStart, end: keyEnd }, value: { start: valueStart, end: valueEnd } };
                }
                at = this.skipSpace(valueEnd);
                if (text.charCodeAt(at) === COMMA) {
                    at = this.skipSpace(at + 1);
                    continue;
                }
                this.expect(at, CLOSE_BRACE);
                return found;
            }
        }
        if (open === OPEN_BRACKET) {
            const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
            if (index < 0)
                return undefined;
            let at = this.skipSpace(start + 1);
            if (text.charCodeAt(at) === CLOSE_BRACKET)
                return undefined;
            for (let i = 0;; i++) {
                const valueEnd = this.skipValue(at);
                if (i === index)
                    return { key: undefined, value: { start: at, end: valueEnd } };
                at = this.skipSpace(valueEnd);
                if (text.charCodeAt(at) !== COMMA)
                    return undefined;
                at = this.skipSpace(at + 1);
            }
        }
        return undefined;
    }
    keyEquals(start, end, wanted) {
        const raw = this.text.slice(start + 1, end - 1);
        if (raw.indexOf('\\') === -1)
            return raw === wanted;
        return JSON.parse(this.text.slice(start, end)) === wanted;
    }
    /** The offset just after the value starting at `start`. */
    skipValue(start) {
        const text = this.text;
        const first = text.charCodeAt(start);
        if (first === QUOTE)
            return this.skipString(start);
        if (first === OPEN_BRACE || first === OPEN_BRACKET) {
            let depth = 0;
            for (let at = start; at < text.length; at++) {
                const ch = text.charCodeAt(at);
                if (ch === QUOTE)
                    at = this.skipString(at) - 1;
                else if (ch === OPEN_BRACE || ch === OPEN_BRACKET)
                    depth++;
                else if (ch === CLOSE_BRACE || ch === CLOSE_BRACKET) {
                    depth--;
                    if (depth === 0)
                        return at + 1;
                }
            }
            throw new Error('unterminated container');
        }
        let at = start;
        while (at < text.length) {
            const ch = text.charCodeAt(at);
            if (ch === COMMA || ch === CLOSE_BRACE || ch === CLOSE_BRACKET || ch <= 32)
                break;
            at++;
        }
        if (at === start)
            throw new Error('value expected');
        return at;
    }
    skipString(start) {
        return stringEnd(this.text, start);
    }
    skipSpace(at) {
        const text = this.text;
        while (at < text.length) {
            const ch = text.charCodeAt(at);
            if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13)
                break;
            at++;
        }
        return at;
    }
    expect(at, ch) {
        if (this.text.charCodeAt(at) !== ch)
            throw new Error(`expected ${String.fromCharCode(ch)}`);
    }
}
exports.LineLocator = LineLocator;
/** The segments of an ajv `instancePath` (a JSON Pointer): '/items/0/qty' -> ['items', '0', 'qty']. */
function pointerSegments(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}
/** How a path reads in a message: data.items[0].qty */
function describePath(root, segments) {
    let out = root;
    for (const segment of segments) {
        out += /^\d+$/.test(segment) ? `[${segment}]` : /^[A-Za-z_$][\w$]*$/.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
    }
    return out;
}
/** The offset just after the closing quote of the JSON string starting at `start`. */
function stringEnd(text, start) {
    if (text.charCodeAt(start) !== QUOTE)
        throw new Error('string expected');
    for (let at = start + 1; at < text.length; at++) {
        const ch = text.charCodeAt(at);
        if (ch === BACKSLASH)
            at++;
        else if (ch === QUOTE)
            return at + 1;
    }
    throw new Error('unterminated string');
}
//# sourceMappingURL=lineLocator.js.map