/**
 * Re-spells JSON text with other separators (and, for Python's default
 * `ensure_ascii`, non-ASCII as `\uXXXX`), leaving every number and string
 * exactly as written: `1.0` stays `1.0`, `12345678901234567890` keeps every
 * digit. Works on the text, one pass, no recursion (data may nest deeply).
 * The input must be valid JSON.
 */
export interface JsonSpelling {
  /** Between members and items: `,` or `, `. */
  readonly comma: string;
  /** Between key and value: `:` or `: `. */
  readonly colon: string;
  /** Write every character outside printable ASCII as `\uXXXX` (json.dumps' default). */
  readonly asciiOnly: boolean;
}

export const COMPACT_SPELLING: JsonSpelling = Object.freeze({ comma: ',', colon: ':', asciiOnly: false });
export const PYTHON_SPELLING: JsonSpelling = Object.freeze({ comma: ', ', colon: ': ', asciiOnly: true });

export function respaceJson(text: string, spelling: JsonSpelling): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') {
        out += ch + text[i + 1];
        i++;
      } else if (ch === '"') {
        out += ch;
        inString = false;
      } else {
        const code = text.charCodeAt(i);
        out += spelling.asciiOnly && (code < 0x20 || code > 0x7e) ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
      }
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === ',') out += spelling.comma;
    else if (ch === ':') out += spelling.colon;
    else if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') out += ch;
  }
  return out;
}
