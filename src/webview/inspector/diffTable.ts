import { el } from '../shared/dom';
import type { DiffView } from './diffRows';

/** The diff as a table whose every cell is text (values from events may hold markup). */
export function diffTable(view: DiffView, caption: string): HTMLElement {
  const body = el(
    'tbody',
    {},
    view.rows.map((row) =>
      el('tr', { className: `diff-row ${row.kind}` }, [
        el('td', { className: 'path', text: row.path }),
        el('td', { className: 'kind', text: row.label }),
        el('td', { className: 'before', text: row.before }),
        el('td', { className: 'after', text: row.after }),
      ]),
    ),
  );
  const table = el('table', { className: 'diff' }, [
    el('caption', { text: `${caption}: ${view.summary}` }),
    el('thead', {}, [el('tr', {}, ['Path', 'Change', 'Before', 'After'].map((text) => el('th', { text, attrs: { scope: 'col' } })))]),
    body,
  ]);
  const parts: HTMLElement[] = [table];
  if (view.hidden > 0) parts.push(el('p', { className: 'note', text: `${view.hidden.toLocaleString('en-US')} more differences not shown.` }));
  return el('div', { className: 'diff-block' }, parts);
}
