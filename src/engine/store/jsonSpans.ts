import { LineLocator, stringEnd } from './lineLocator';

/**
 * Where a member's value sits in JSON text, found by scanning (no parse),
 * so its text can be shown or spliced exactly as written: numbers keep
 * their spelling (`1.0`, 20-digit integers) where parse + stringify would
 * change them.
 */

/**
 * The text of the value of `key` in the top-level object `text` (the last
 * one when the key repeats, as JSON.parse takes it), or undefined.
 */
export function topLevelMemberText(text: string, key: string): string | undefined {
  const range = new LineLocator(text).valueRange([key]);
  return range === undefined ? undefined : text.slice(range.start, range.end);
}

/** Joins the keys of a path in numberTexts' map. */
export const KEY_SEPARATOR = '\u0000';

/**
 * Every number's text in JSON text, by its path (keys and indexes joined by
 * NUL): what a rewrite needs to put numbers back as they were written.
 */
export function numberTexts(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const stack: { kind: 'object' | 'array'; key: string; index: number; expectKey: boolean }[] = [];
  const pointer = (): string => stack.map((f) => (f.kind === 'object' ? f.key : String(f.index))).join(KEY_SEPARATOR);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let end: number;
      try {
        end = stringEnd(text, i);
      } catch {
        return found;
      }
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.expectKey) {
        try {
          top.key = JSON.parse(text.slice(i, end)) as string;
        } catch {
          return found;
        }
        top.expectKey = false;
      }
      i = end - 1;
    } else if (ch === '{') stack.push({ kind: 'object', key: '', index: 0, expectKey: true });
    else if (ch === '[') stack.push({ kind: 'array', key: '', index: 0, expectKey: false });
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index++;
      else if (top) top.expectKey = true;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      let end = i + 1;
      while (end < text.length && /[0-9eE+\-.]/.test(text[end])) end++;
      found.set(pointer(), text.slice(i, end));
      i = end - 1;
    }
  }
  return found;
}

/**
 * `value` as JSON, each number that `texts` (from numberTexts of the text
 * it came from) holds at the same path with the same value spelled as it
 * was written there: `1.0` stays `1.0`, a 20-digit integer keeps its digits.
 */
export interface KeepNumbersOptions {
  /** Indent as JSON.stringify does (an event document); default one line. */
  readonly indent?: number;
  /**
   * A number at a path the text has not (a migration renamed its key) takes
   * the text's one spelling of that value; off for computed states, where an
   * equal count is not the moved value.
   */
  readonly spellMovedValues?: boolean;
}

export function stringifyKeepingNumbers(value: unknown, texts: ReadonlyMap<string, string>, options: KeepNumbersOptions = {}): string {
  const kept: string[] = [];
  let moved: Map<number, string | null> | undefined;
  const mark = (n: number, path: string): unknown => {
    let original = texts.get(path);
    if ((original === undefined || Number(original) !== n) && options.spellMovedValues === true) {
      // A value the change moved (a migration's rename) keeps its text when the line spelled that value one way only.
      moved ??= spellingsByValue(texts);
      original = moved.get(n) ?? undefined;
    }
    if (original === undefined || Number(original) !== n) return n;
    kept.push(original);
    return `\u0000${kept.length - 1}\u0000`;
  };
  const root: { v: unknown } = { v: value };
  const pending: Array<[holder: Record<string, unknown> | unknown[], key: string | number, path: string]> = [[root as unknown as Record<string, unknown>, 'v', '']];
  const copy: { v: unknown } = { v: undefined };
  const targets = new Map<unknown, unknown>([[root, copy]]);
  for (let job = pending.pop(); job !== undefined; job = pending.pop()) {
    const [holder, key, path] = job;
    const into = targets.get(holder) as Record<string | number, unknown>;
    const item = (holder as Record<string | number, unknown>)[key];
    if (typeof item === 'number') into[key] = mark(item, path);
    else if (Array.isArray(item)) {
      const out: unknown[] = new Array<unknown>(item.length);
      into[key] = out;
      targets.set(item, out);
      for (let i = item.length - 1; i >= 0; i--) pending.push([item, i, path === '' ? String(i) : `${path}${KEY_SEPARATOR}${i}`]);
    } else if (item !== null && typeof item === 'object') {
      const out: Record<string, unknown> = {};
      into[key] = out;
      targets.set(item, out);
      const keys = Object.keys(item);
      for (const k of keys) out[k] = undefined;
      for (let i = keys.length - 1; i >= 0; i--) pending.push([item as Record<string, unknown>, keys[i], path === '' ? keys[i] : `${path}${KEY_SEPARATOR}${keys[i]}`]);
    } else into[key] = item;
  }
  const text = JSON.stringify(copy.v, null, options.indent) ?? 'null';
  return kept.length === 0 ? text : text.replace(/"\\u0000(\d+)\\u0000"/g, (_, n: string) => kept[Number(n)]);
}

/**
 * Each number value's spelling in the texts (`1.0`, a 20-digit integer),
 * by value; null where the line spelled one value two ways, `1` and `1.0`
 * (then no spelling is guessed).
 */
function spellingsByValue(texts: ReadonlyMap<string, string>): Map<number, string | null> {
  const byValue = new Map<number, string | null>();
  for (const text of texts.values()) {
    const n = Number(text);
    const seen = byValue.get(n);
    byValue.set(n, seen === undefined || seen === text ? text : null);
  }
  return byValue;
}
