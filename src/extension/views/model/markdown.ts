/**
 * Tooltips are Markdown, and event fields come from whatever the bus
 * stored: every value is escaped so `*`, `<b>` or a link in an id shows
 * as typed instead of being rendered.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** A `label: value` line of a tooltip (value escaped; a dash for none). */
export function field(label: string, value: string | number | null | undefined): string {
  const text = value === null || value === undefined || value === '' ? '—' : escapeMarkdown(String(value));
  return `**${label}:** ${text}`;
}

/** Markdown lines joined as separate paragraphs-in-one (two trailing spaces make a line break). */
export function lines(parts: readonly string[]): string {
  return parts.join('  \n');
}
