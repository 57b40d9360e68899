"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.escapeHtml = escapeHtml;
exports.previewValue = previewValue;
exports.prettyJson = prettyJson;
/**
 * Escaping for the few places where text must become markup: the host's
 * HTML shell (attribute values such as the nonce and resource URIs). Values
 * from events never go through markup at all: the page sets `textContent`
 * (see dom.ts), so this is a second line, not the first.
 */
const HTML_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};
/** Text safe inside an HTML text node or a quoted attribute value. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}
/**
 * A one-line preview of any JSON value for a table cell, cut at `max`
 * characters (the full value is in the state view). Never throws: a value
 * JSON cannot express (undefined, a cycle) gets a readable stand-in.
 */
function previewValue(value, max = 160) {
    if (value === undefined)
        return '—';
    let text;
    try {
        text = JSON.stringify(value) ?? String(value);
    }
    catch {
        text = String(value);
    }
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** Pretty JSON for the state view, cut at `maxChars` with a note saying how much was left out. */
function prettyJson(value, maxChars = 200_000) {
    let text;
    try {
        text = JSON.stringify(value, null, 2) ?? String(value);
    }
    catch {
        text = String(value);
    }
    if (text.length <= maxChars)
        return text;
    return `${text.slice(0, maxChars)}\n… (${(text.length - maxChars).toLocaleString('en-US')} more characters not shown)`;
}
//# sourceMappingURL=escape.js.map