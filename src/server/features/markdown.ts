/**
 * Markdown for hovers. Every value that comes from a store (ids, types,
 * titles) goes through `escapeMarkdown`, so an aggregate id such as
 * `<img onerror=…>` or `**x**` shows as typed rather than being rendered.
 */

// Values always sit inline after a label, so only characters that act mid-line need escaping:
// emphasis, code, links/images (via the brackets), tables, strikethrough and headings.
const MARKDOWN_SPECIAL = /[\\`*_[\]#|~]/g;

/** Text safe to place inline in markdown: markdown punctuation backslash-escaped, HTML entities for < > &, no line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(/\r?\n|\r/g, ' ');
}

/** `**label**: value` with the value escaped. */
export function field(label: string, value: string): string {
  return `**${label}**: ${escapeMarkdown(value)}`;
}

/** Markdown paragraphs, skipping empty ones. */
export function paragraphs(parts: readonly (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined && p.length > 0).join('\n\n');
}

/** A markdown bullet list of already-escaped items. */
export function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}
