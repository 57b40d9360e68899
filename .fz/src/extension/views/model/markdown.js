"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.escapeMarkdown = escapeMarkdown;
exports.field = field;
exports.lines = lines;
/**
 * Tooltips are Markdown, and event fields come from whatever the bus
 * stored: every value is escaped so `*`, `<b>` or a link in an id shows
 * as typed instead of being rendered.
 */
function escapeMarkdown(text) {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}
/** A `label: value` line of a tooltip (value escaped; a dash for none). */
function field(label, value) {
    const text = value === null || value === undefined || value === '' ? '—' : escapeMarkdown(String(value));
    return `**${label}:** ${text}`;
}
/** Markdown lines joined as separate paragraphs-in-one (two trailing spaces make a line break). */
function lines(parts) {
    return parts.join('  \n');
}
//# sourceMappingURL=markdown.js.map