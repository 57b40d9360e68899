import type { Range } from 'vscode-languageserver-protocol';
import type { OffsetRange } from './eventLineTokens';

/** An offset range within one line as an LSP range on that (0-based) line. */
export function rangeOnLine(line: number, range: OffsetRange): Range {
  return { start: { line, character: range.start }, end: { line, character: range.end } };
}

/** The whole of one line's text. */
export function wholeLine(line: number, lineText: string): Range {
  return { start: { line, character: 0 }, end: { line, character: lineText.length } };
}
