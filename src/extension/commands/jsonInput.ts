import { parse, type ParseError, ParseErrorCode } from 'jsonc-parser';

/**
 * The event data a user types for Publish, checked as they type. The
 * verdict is JSON.parse's (what the data must survive); where and what is
 * wrong comes from jsonc-parser, whose offsets and error codes do not
 * depend on the Node version's wording.
 */
export type JsonInput = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

export const DATA_EXAMPLE = '{"symbol": "BTCUSDT", "price": 50000}';

const WHAT_WAS_EXPECTED: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'expected a JSON value (NaN, Infinity, undefined and single quotes are not JSON)',
  [ParseErrorCode.InvalidNumberFormat]: 'expected a number such as 42, -1.5 or 1e3',
  [ParseErrorCode.PropertyNameExpected]: 'expected a property name in double quotes',
  [ParseErrorCode.ValueExpected]: 'expected a value',
  [ParseErrorCode.ColonExpected]: 'expected ":" after the property name',
  [ParseErrorCode.CommaExpected]: 'expected "," between items, or the closing bracket',
  [ParseErrorCode.CloseBraceExpected]: 'expected "}" to close the object',
  [ParseErrorCode.CloseBracketExpected]: 'expected "]" to close the array',
  [ParseErrorCode.EndOfFileExpected]: 'expected nothing after the value (one JSON value only)',
  [ParseErrorCode.InvalidCommentToken]: 'expected no comments (JSON has none)',
  [ParseErrorCode.UnexpectedEndOfComment]: 'expected no comments (JSON has none)',
  [ParseErrorCode.UnexpectedEndOfString]: 'expected a closing double quote',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'expected digits to finish the number',
  [ParseErrorCode.InvalidUnicode]: 'expected four hex digits after \\u',
  [ParseErrorCode.InvalidEscapeCharacter]: 'expected a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  [ParseErrorCode.InvalidCharacter]: 'expected no control characters inside a string',
};

export function parseJsonInput(text: string): JsonInput {
  if (text.trim() === '') return { ok: false, message: `expected the event's data as JSON, e.g. ${DATA_EXAMPLE}` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: locateJsonError(text) ?? `not valid JSON: ${(error as Error).message}` };
  }
}

/** Input-box validation: undefined when the text is JSON, else where and what was expected. */
export function validateJsonInput(text: string): string | undefined {
  const parsed = parseJsonInput(text);
  return parsed.ok ? undefined : parsed.message;
}

/** "Not valid JSON at line 1, column 8: expected a value" for the first error, or undefined when jsonc-parser finds none. */
export function locateJsonError(text: string): string | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return undefined;
  const { line, column } = lineAndColumn(text, first.offset);
  const expected = WHAT_WAS_EXPECTED[first.error] ?? 'expected valid JSON';
  const found = first.offset >= text.length ? 'the end of the input' : JSON.stringify(text.slice(first.offset, first.offset + Math.max(1, Math.min(first.length, 12))));
  return `Not valid JSON at line ${line}, column ${column} (found ${found}): ${expected}`;
}

/** 1-based line and column (UTF-16 units) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(offset, text.length));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}
