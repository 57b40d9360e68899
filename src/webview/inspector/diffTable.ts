import { el } from '../shared/dom';
import { diffView, splitBookkeeping, topLevelKey, type DiffRow, type DiffSpellings, type DiffView } from './diffRows';

/**
 * A path as text that breaks only before a `/`: the column never wraps
 * inside a key ("/aler t_typ e"); a long key widens the column instead.
 */
export function pathCell(path: string): HTMLTableCellElement {
  const parts: (Node | string)[] = [];
  path.split(/(?=\/)/).forEach((segment, i) => {
    if (i > 0) parts.push(el('wbr'));
    parts.push(segment);
  });
  return el('td', { className: 'path', title: path }, parts);
}

/** The diff as a table whose every cell is text (values from events may hold markup). */
export function diffTable(view: DiffView, caption: string): HTMLElement {
  const parts: HTMLElement[] = [diffRowsTable(view, `${caption}: ${view.summary}`)];
  if (view.hidden > 0) parts.push(el('p', { className: 'note', text: `${view.hidden.toLocaleString('en-US')} more differences not shown.` }));
  return el('div', { className: 'diff-block' }, parts);
}

/** A table of diff rows; `caption` undefined where a summary element names it (the folded bookkeeping). */
function diffRowsTable(view: DiffView, caption: string | undefined): HTMLTableElement {
  const body = el(
    'tbody',
    {},
    view.rows.map((row) =>
      el('tr', { className: `diff-row ${row.kind}` }, [
        pathCell(row.path),
        el('td', { className: 'kind', text: row.label }),
        el('td', { className: 'before', text: row.before }),
        el('td', { className: 'after', text: row.after }),
      ]),
    ),
  );
  return el('table', { className: 'diff' }, [
    ...(caption === undefined ? [] : [el('caption', { text: caption })]),
    el('thead', {}, [el('tr', {}, ['Path', 'Change', 'Before', 'After'].map((text) => el('th', { text, attrs: { scope: 'col' } })))]),
    body,
  ]);
}

export interface DiffBlockOptions {
  /** Top-level keys that are the writer's bookkeeping: their rows are folded into a closed section. */
  readonly bookkeepingKeys?: readonly string[];
  readonly spellings?: DiffSpellings;
}

/**
 * The diff of the data, then the writer's bookkeeping (`_meta`,
 * `last_event_type`...) folded away: it changes at every event and says
 * nothing about what the event did.
 */
export function diffBlock(rows: readonly DiffRow[], caption: string, options: DiffBlockOptions = {}): HTMLElement {
  const { data, bookkeeping } = splitBookkeeping(rows, options.bookkeepingKeys ?? []);
  const block = diffTable(diffView(data, 1000, options.spellings), caption);
  if (bookkeeping.length > 0) {
    const view = diffView(bookkeeping, 1000, options.spellings);
    const keys = [...new Set(bookkeeping.map((row) => topLevelKey(row.path) ?? ''))].join(', ');
    block.append(
      el('details', { className: 'bookkeeping' }, [
        el('summary', { text: `Bookkeeping (${keys}): ${view.summary}` }),
        diffRowsTable(view, undefined),
      ]),
    );
  }
  return block;
}
