import { previewValue } from '../shared/escape';

/**
 * A diff as rows the page renders itself (as text, never as HTML): one row
 * per changed path. Built from a jsondiffpatch delta, whose format is:
 *   [new]            added          [old, new]      changed
 *   [old, 0, 0]      removed        [patch, 0, 2]   text diff
 *   ['', to, 3]      moved (arrays, keyed `_from`)
 *   { key: delta }   object         { _t: 'a', N: delta, _N: delta }  array
 * (array keys `N` index the new array, `_N` the old one).
 */
export type DiffKind = 'added' | 'removed' | 'changed' | 'moved' | 'text';

export interface DiffRow {
  /** JSON Pointer (RFC 6901) of the value; "" is the whole state. */
  readonly path: string;
  readonly kind: DiffKind;
  readonly before?: unknown;
  readonly after?: unknown;
  /** For `moved`: the index in the new array. */
  readonly movedTo?: number;
  /** For `text`: jsondiffpatch's unidiff patch of a long string. */
  readonly patch?: string;
}

function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every row of a delta (undefined: no difference), arrays' removals and moves first, then by new index. */
export function rowsFromDelta(delta: unknown): DiffRow[] {
  const rows: DiffRow[] = [];
  collect(delta, '', rows);
  return rows;
}

function collect(delta: unknown, path: string, rows: DiffRow[]): void {
  if (delta === undefined) return;
  if (Array.isArray(delta)) {
    rows.push(leafRow(delta, path));
    return;
  }
  if (!isRecord(delta)) throw new Error(`not a jsondiffpatch delta at "${path}": expected an array or an object, got ${typeof delta}`);
  if (delta._t === 'a') {
    const oldKeys = Object.keys(delta).filter((k) => /^_\d+$/.test(k)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    const newKeys = Object.keys(delta).filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b));
    for (const key of oldKeys) collect(delta[key], `${path}/${key.slice(1)}`, rows);
    for (const key of newKeys) collect(delta[key], `${path}/${key}`, rows);
    return;
  }
  for (const key of Object.keys(delta)) collect(delta[key], `${path}/${pointerToken(key)}`, rows);
}

function leafRow(delta: readonly unknown[], path: string): DiffRow {
  if (delta.length === 1) return { path, kind: 'added', after: delta[0] };
  if (delta.length === 2) return { path, kind: 'changed', before: delta[0], after: delta[1] };
  if (delta.length === 3 && delta[1] === 0 && delta[2] === 0) return { path, kind: 'removed', before: delta[0] };
  if (delta.length === 3 && delta[2] === 3 && typeof delta[1] === 'number') {
    return { path, kind: 'moved', movedTo: delta[1], ...(delta[0] === '' ? {} : { before: delta[0] }) };
  }
  if (delta.length === 3 && delta[1] === 0 && delta[2] === 2 && typeof delta[0] === 'string') return { path, kind: 'text', patch: delta[0] };
  throw new Error(`not a jsondiffpatch delta at "${path}": unknown leaf ${previewValue(delta, 60)}`);
}

// ---------------------------------------------------------------- what the page shows

export interface DiffRowView {
  /** "(whole state)" for the root. */
  readonly path: string;
  readonly kind: DiffKind;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

export interface DiffView {
  readonly rows: DiffRowView[];
  /** Rows past the limit, not shown. */
  readonly hidden: number;
  /** "2 added, 1 changed" or "no differences". */
  readonly summary: string;
}

const LABELS: Readonly<Record<DiffKind, string>> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  moved: 'moved',
  text: 'text changed',
};

/** JSON pointer → a number's text as the store wrote it (`1.0`), per side of the diff. */
export interface DiffSpellings {
  readonly before?: Readonly<Record<string, string>>;
  readonly after?: Readonly<Record<string, string>>;
}

/** A cell's text: a number as the store spelled it at that path, else the value's preview. */
function cellText(value: unknown, path: string, spellings: Readonly<Record<string, string>> | undefined): string {
  const written = typeof value === 'number' ? spellings?.[path] : undefined;
  return written !== undefined && Number(written) === value ? written : previewValue(value);
}

/** Rows as strings for the table (each becomes a text node), at most `limit` of them. */
export function diffView(rows: readonly DiffRow[], limit = 1000, spellings: DiffSpellings = {}): DiffView {
  const counts = new Map<DiffKind, number>();
  for (const row of rows) counts.set(row.kind, (counts.get(row.kind) ?? 0) + 1);
  const summary =
    rows.length === 0
      ? 'no differences'
      : (['added', 'removed', 'changed', 'text', 'moved'] as const)
          .filter((kind) => counts.has(kind))
          .map((kind) => `${counts.get(kind)} ${LABELS[kind]}`)
          .join(', ');
  return {
    rows: rows.slice(0, limit).map((row) => ({
      path: row.path === '' ? '(whole state)' : row.path,
      kind: row.kind,
      label: LABELS[row.kind],
      before: row.kind === 'added' ? '' : row.kind === 'text' ? '' : row.kind === 'moved' ? previewValue(row.before ?? '(same value)') : cellText(row.before, row.path, spellings.before),
      after:
        row.kind === 'removed'
          ? ''
          : row.kind === 'moved'
            ? `to index ${row.movedTo}`
            : row.kind === 'text'
              ? (row.patch ?? '')
              : cellText(row.after, row.path, spellings.after),
    })),
    hidden: Math.max(0, rows.length - limit),
    summary,
  };
}

/** The top-level key of a JSON pointer (unescaped), or undefined for the whole state. */
export function topLevelKey(pointer: string): string | undefined {
  if (!pointer.startsWith('/')) return undefined;
  const end = pointer.indexOf('/', 1);
  return (end === -1 ? pointer.slice(1) : pointer.slice(1, end)).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Rows under the writer's bookkeeping keys apart from the rest: the page folds them away. */
export function splitBookkeeping(rows: readonly DiffRow[], bookkeepingKeys: readonly string[]): { data: DiffRow[]; bookkeeping: DiffRow[] } {
  const keys = new Set(bookkeepingKeys);
  const data: DiffRow[] = [];
  const bookkeeping: DiffRow[] = [];
  for (const row of rows) {
    const key = topLevelKey(row.path);
    (key !== undefined && keys.has(key) ? bookkeeping : data).push(row);
  }
  return { data, bookkeeping };
}
