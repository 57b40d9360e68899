/**
 * Events are written compact (`{"a":1,"b":2}`) by this tool and with
 * Python's `json.dumps` defaults (`{"a": 1, "b": 2}`, non-ASCII as `\u`
 * escapes) by the Python bus. Edits keep the style of the line they touch so
 * a quick fix does not leave one odd line in a file.
 */
export type LineStyle = 'compact' | 'python';

const PYTHON_START = /^\s*\{\s*"(?:[^"\\]|\\.)*": /;

export function styleOfLine(lineText: string): LineStyle {
  return PYTHON_START.test(lineText) ? 'python' : 'compact';
}

/** JSON text of a value in the given style (undefined values in objects are dropped, as JSON.stringify does). */
export function toJson(value: unknown, style: LineStyle): string {
  if (style === 'compact') return JSON.stringify(value) ?? 'null';
  return pythonDumps(value);
}

/** Separator between a key and its value. */
export function colonOf(style: LineStyle): string {
  return style === 'python' ? ': ' : ':';
}

/** Separator between members. */
export function commaOf(style: LineStyle): string {
  return style === 'python' ? ', ' : ',';
}

function pythonDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => pythonDumps(v === undefined ? null : v)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && typeof v !== 'function')
      .map(([k, v]) => `${asciiString(k)}: ${pythonDumps(v)}`);
    return `{${members.join(', ')}}`;
  }
  if (typeof value === 'string') return asciiString(value);
  return JSON.stringify(value) ?? 'null';
}

/** A JSON string with every non-ASCII code unit escaped, as Python's ensure_ascii does. */
function asciiString(text: string): string {
  return JSON.stringify(text).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
