"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.terminalSafe = terminalSafe;
exports.jsonTerminalSafe = jsonTerminalSafe;
/**
 * Text from a store or a file name, made safe for a terminal: control
 * characters (C0 including newline and ESC, DEL, C1) and the bidirectional
 * overrides become visible escapes (`\n`, `\x1b`, `\u009b`, `\u202e`), so
 * an event_type cannot move the cursor, recolour the screen, retitle the
 * window or forge a line of output. Only for text output: JSON output
 * stays exact (JSON.stringify escapes C0 itself).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
function terminalSafe(text) {
    return text.replace(UNSAFE, (char) => {
        const named = NAMED[char];
        if (named)
            return named;
        const code = char.charCodeAt(0);
        return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_JSON = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/**
 * JSON text for a terminal with the same value: JSON.stringify already
 * escapes C0 (ESC included); DEL, C1 and bidirectional overrides, which it
 * leaves raw, become `\uXXXX` escapes. They can only stand inside strings,
 * so the parsed value is exactly the same.
 */
function jsonTerminalSafe(json) {
    return json.replace(UNSAFE_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
//# sourceMappingURL=terminalText.js.map