import type { InspectorStep } from '../../shared/webviewProtocol';
import { el } from '../shared/dom';
import { stepFlags } from './stepList';

/** One row of the step list: `#seq type` with time and flags, all as text. */
export function stepRow(step: InspectorStep, index: number): HTMLLIElement {
  const flags = stepFlags(step);
  const row = el(
    'li',
    {
      className: `step${flags.length > 0 ? ' flagged' : ''}${step.sequence === null ? ' unrebuildable' : ''}`,
      attrs: { role: 'option', 'aria-selected': 'false', 'data-index': String(index), id: `step-${index}` },
      title: `${step.eventId}\nsource: ${step.source}\nstatus: ${step.status}${step.correlationId ? `\ncorrelation: ${step.correlationId}` : ''}`,
    },
    [
      el('span', { className: 'seq', text: `#${step.sequence ?? '–'}` }),
      el('span', { className: 'type', text: step.type }),
      el('span', { className: 'marks' }),
      ...(flags.length > 0 ? [el('span', { className: 'flags', text: flags.join(' · ') })] : []),
      el('span', { className: 'time', text: step.timestamp ?? '' }),
    ],
  );
  return row;
}

/** Adds rows for steps from `from` on (pages and live appends only ever extend the list). */
export function appendStepRows(list: HTMLOListElement, steps: readonly InspectorStep[], from: number): void {
  const fragment = document.createDocumentFragment();
  for (let i = from; i < steps.length; i++) fragment.append(stepRow(steps[i], i));
  list.append(fragment);
}

export function rowAt(list: HTMLOListElement, index: number): HTMLLIElement | undefined {
  const row = list.children.item(index);
  return row instanceof HTMLLIElement ? row : undefined;
}

/** Marks the selected row and the A/B picks (badges as text). */
export function markRows(list: HTMLOListElement, marks: { selected: number | null; a: number | null; b: number | null }, previous: typeof marks): void {
  for (const index of new Set([previous.selected, previous.a, previous.b, marks.selected, marks.a, marks.b])) {
    if (index === null) continue;
    const row = rowAt(list, index);
    if (!row) continue;
    const selected = index === marks.selected;
    row.classList.toggle('selected', selected);
    row.setAttribute('aria-selected', String(selected));
    const badges = [index === marks.a ? 'A' : '', index === marks.b ? 'B' : ''].filter(Boolean).join(' ');
    const slot = row.querySelector('.marks');
    if (slot) slot.textContent = badges;
  }
}
