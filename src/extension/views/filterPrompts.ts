import * as vscode from 'vscode';
import { EventGroupsRequest, type EventGroupKey, type EventGroupSort } from '../../shared/protocol';
import { describeTimeRange, FILTER_FIELDS, type FilterField, isFilterEmpty, parseTimeRange, PREFIX_LABELS, type ViewFilter, withField } from './model/viewFilter';
import { FILTERABLE_VIEWS, type FilterableView, VIEW_TITLES } from './model/viewNames';
import { SORT_OPTIONS } from './model/viewSort';
import { promptContentQuery } from '../query/contentQueryPrompt';
import type { SendRequest } from './sources/requester';

const FIELD_LABELS: Readonly<Record<FilterField, string>> = {
  prefix: 'Id prefix…',
  types: 'Event types…',
  sources: 'Sources…',
  time: 'Time range…',
  where: 'Content query…',
};

interface FieldPick extends vscode.QuickPickItem {
  readonly field: FilterField | 'clear';
}

/** Asks which view, for the palette (a view/title button knows its view). */
export async function pickView(): Promise<FilterableView | undefined> {
  const pick = await vscode.window.showQuickPick(
    FILTERABLE_VIEWS.map((view) => ({ label: VIEW_TITLES[view], view })),
    { title: 'Event Bus: which view?' },
  );
  return pick?.view;
}

/**
 * The filter dialog: which field, then a prompt fitting it (text for the
 * prefix, a multi-select of the store's types or sources, a validated
 * time range). Resolves with the new filter, or undefined when cancelled.
 */
export async function promptFilter(view: FilterableView, current: ViewFilter, send: SendRequest, store: string): Promise<ViewFilter | undefined> {
  const items: FieldPick[] = FILTER_FIELDS[view].map((field) => ({ label: FIELD_LABELS[field], description: currentText(current, field), field }));
  if (!isFilterEmpty(current)) items.push({ label: 'Clear filter', field: 'clear' });
  const chosen = await vscode.window.showQuickPick(items, { title: `Filter ${VIEW_TITLES[view]}`, placeHolder: 'What to filter by' });
  if (!chosen) return undefined;
  switch (chosen.field) {
    case 'clear':
      return {};
    case 'prefix': {
      const value = await vscode.window.showInputBox({
        title: `Filter ${VIEW_TITLES[view]}`,
        prompt: `Show only entries whose ${PREFIX_LABELS[view]} starts with this (empty: all)`,
        value: current.prefix ?? '',
      });
      return value === undefined ? undefined : withField(current, 'prefix', value.trim());
    }
    case 'types':
    case 'sources': {
      const values = await pickKeys(send, store, chosen.field === 'types' ? 'type' : 'source', current[chosen.field] ?? []);
      return values === undefined ? undefined : withField(current, chosen.field, values);
    }
    case 'where': {
      const value = await promptContentQuery(send, store, current.where ?? '', `Filter ${VIEW_TITLES[view]} by content`);
      return value === undefined ? undefined : withField(current, 'where', value);
    }
    case 'time': {
      const value = await vscode.window.showInputBox({
        title: `Filter ${VIEW_TITLES[view]} by time`,
        prompt: 'last 2h · 30m · 3d (back from now), or FROM .. TO with ISO dates: 2024-01-15 .. 2024-01-16T12:00 (UTC; either side may be empty)',
        value: current.from !== undefined || current.to !== undefined ? rangeText(current) : '',
        validateInput: (text) => {
          const parsed = parseTimeRange(text, Date.now());
          return 'error' in parsed ? parsed.error : undefined;
        },
      });
      if (value === undefined) return undefined;
      const parsed = parseTimeRange(value, Date.now());
      return 'error' in parsed ? undefined : withField(current, 'time', parsed.range);
    }
  }
}

/** A multi-select of the store's types or sources (most frequent first), current ones ticked. */
async function pickKeys(send: SendRequest, store: string, groupBy: EventGroupKey, current: readonly string[]): Promise<string[] | undefined> {
  const page = await send(EventGroupsRequest.type, { store, groupBy, sort: 'count', limit: 10_000 });
  const picks = page.items.map((group) => ({ label: group.key, description: group.count.toLocaleString('en'), picked: current.includes(group.key) }));
  const chosen = await vscode.window.showQuickPick(picks, {
    title: groupBy === 'type' ? 'Show events of these types' : 'Show events from these sources',
    canPickMany: true,
    placeHolder: 'None ticked: no filter',
  });
  return chosen?.map((pick) => pick.label);
}

export async function promptSort(view: FilterableView, current: EventGroupSort): Promise<EventGroupSort | undefined> {
  const pick = await vscode.window.showQuickPick(
    SORT_OPTIONS[view].map((option) => ({ label: option.label, description: option.sort === current ? 'current' : undefined, sort: option.sort })),
    { title: `Sort ${VIEW_TITLES[view]}` },
  );
  return pick?.sort;
}

function currentText(filter: ViewFilter, field: FilterField): string | undefined {
  if (field === 'prefix') return filter.prefix;
  if (field === 'types') return filter.types?.join(', ');
  if (field === 'sources') return filter.sources?.join(', ');
  if (field === 'where') return filter.where;
  return filter.from !== undefined || filter.to !== undefined ? describeTimeRange(filter) : undefined;
}

function rangeText(filter: ViewFilter): string {
  const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());
  return `${iso(filter.from)} .. ${iso(filter.to)}`;
}
