import { createScanner, type ParseError, parseTree, printParseErrorCode, SyntaxKind } from 'jsonc-parser';
import { describeParseError } from '../schema/jsonPosition';
import type { LineFindings } from './findingBuilder';
import type { TextRange } from '../store/lineLocator';

const NON_JSON_NUMBERS = new Set(['NaN', 'Infinity']);
const PYTHON_SPELLING: Record<string, string> = { NaN: 'nan', Infinity: 'inf', '-Infinity': '-inf' };

/**
 * Explains why JSON.parse refused a line: EB003 for a torn last line, EB002
 * for each NaN/Infinity token (Python writes them; JSON has no such
 * numbers), otherwise EB001 at the first position where parsing failed.
 * Runs only for lines that failed to parse, so it may be slow-ish.
 */
export function reportSyntax(text: string, unterminated: boolean, out: LineFindings, parseMessage: string): void {
  if (unterminated) {
    out.add(
      'EB003',
      undefined,
      'torn last line: no line end and not complete JSON (a writer is mid-append or crashed while writing); the line is kept as it is',
    );
    return;
  }
  const nonJson = nonJsonNumbers(text);
  if (nonJson.length > 0) {
    for (const { range, token } of nonJson) {
      out.add(
        'EB002',
        range,
        `${token} is not a JSON number (Python's json.dumps writes it for float('${PYTHON_SPELLING[token] ?? token}')); JSON readers reject the line`,
        { token },
      );
    }
    return;
  }
  const errors: ParseError[] = [];
  try {
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  } catch (error) {
    // jsonc-parser descends recursively: a line nested tens of thousands deep
    // overflows the stack. V8's message (below) still says where parsing failed.
    if (!(error instanceof RangeError)) throw error;
    errors.length = 0;
  }
  const first = errors[0];
  if (first) {
    const start = Math.min(first.offset, text.length);
    const end = Math.min(text.length, start + Math.max(first.length, start < text.length ? 1 : 0));
    out.add('EB001', { start, end }, `invalid JSON: ${describeParseError(printParseErrorCode(first.error))} at column ${start + 1}`);
    return;
  }
  // jsonc-parser is more lenient than JSON.parse in corners (e.g. leading zeros); fall back to V8's position.
  const position = /at position (\d+)/.exec(parseMessage);
  const at = position ? Math.min(Number(position[1]), text.length) : 0;
  out.add('EB001', position ? { start: at, end: Math.min(text.length, at + 1) } : undefined, `invalid JSON: ${parseMessage}`);
}

/** Every NaN, Infinity and -Infinity outside strings, with its range. */
export function nonJsonNumbers(text: string): { range: TextRange; token: string }[] {
  const found: { range: TextRange; token: string }[] = [];
  const scanner = createScanner(text, true);
  let minusAt = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    if (kind === SyntaxKind.Unknown) {
      const value = scanner.getTokenValue();
      if (value === '-') {
        minusAt = offset + 1;
        continue;
      }
      if (NON_JSON_NUMBERS.has(value)) {
        const negative = minusAt === offset;
        const start = negative ? offset - 1 : offset;
        found.push({ range: { start, end: offset + scanner.getTokenLength() }, token: negative ? `-${value}` : value });
      }
    }
    minusAt = -1;
  }
  return found;
}
