"use strict";
/**
 * Markdown for hovers. Every value that comes from a store (ids, types,
 * titles) goes through `escapeMarkdown`, so an aggregate id such as
 * `<img onerror=…>` or `**x**` shows as typed rather than being rendered.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.escapeMarkdown = escapeMarkdown;
exports.field = field;
exports.paragraphs = paragraphs;
exports.bullets = bullets;
// Values always sit inline after a label, so only characters that act mid-line need escaping:
// emphasis, code, links/images (via the brackets), tables, strikethrough and headings.
const MARKDOWN_SPECIAL = /[\\`*_[\]#|~]/g;
/** Text safe to place inline in markdown: markdown punctuation backslash-escaped, HTML entities for < > &, no line breaks. */
function escapeMarkdown(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
        .replace(/\r?\n|\r/g, ' ');
}
/** `**label**: value` with the value escaped. */
function field(label, value) {
    return `**${label}**: ${escapeMarkdown(value)}`;
}
/** Markdown paragraphs, skipping empty ones. */
function paragraphs(parts) {
    return parts.filter((p) => p !== undefined && p.length > 0).join('\n\n');
}
/** A markdown bullet list of already-escaped items. */
function bullets(items) {
    return items.map((item) => `- ${item}`).join('\n');
}
//# sourceMappingURL=markdown.js.map