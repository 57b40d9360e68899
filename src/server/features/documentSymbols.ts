import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-protocol';
import { wholeLine } from './lspRanges';

/** Lines looked at; an outline of more events than this helps nobody and costs the client seconds. */
export const DOCUMENT_SYMBOLS_LINE_CAP = 10_000;

/**
 * One symbol per event line, `seq · type · aggregate`, for the outline and
 * breadcrumbs. Only the first `lineCap` lines are read (the document is not
 * split as a whole, so a 100,000-line file costs only what is shown). Lines
 * that are not events are left out; their diagnostics say why.
 */
export function documentSymbols(documentText: string, lineCap = DOCUMENT_SYMBOLS_LINE_CAP): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  let start = 0;
  for (let line = 0; line < lineCap && start <= documentText.length; line++) {
    let end = documentText.indexOf('\n', start);
    if (end < 0) end = documentText.length;
    const text = documentText.charCodeAt(end - 1) === 13 ? documentText.slice(start, end - 1) : documentText.slice(start, end);
    const symbol = symbolOfLine(text, line);
    if (symbol) symbols.push(symbol);
    start = end + 1;
  }
  return symbols;
}

function symbolOfLine(text: string, line: number): DocumentSymbol | undefined {
  if (text.trim().length === 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const event = value as { event_type?: unknown; metadata?: unknown };
  const meta = (event.metadata !== null && typeof event.metadata === 'object' ? event.metadata : {}) as Record<string, unknown>;
  const type = typeof event.event_type === 'string' ? event.event_type : '?';
  const sequence = typeof meta.sequence_number === 'number' ? String(meta.sequence_number) : '?';
  const aggregate = typeof meta.aggregate_id === 'string' ? meta.aggregate_id : '—';
  const range = wholeLine(line, text);
  return {
    name: `${sequence} · ${type} · ${aggregate}`,
    ...(typeof meta.timestamp === 'string' ? { detail: meta.timestamp } : {}),
    kind: SymbolKind.Event,
    range,
    selectionRange: range,
  };
}
