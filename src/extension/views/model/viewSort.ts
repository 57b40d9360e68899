import type { EventGroupSort } from '../../../shared/protocol';
import type { FilterableView } from './viewNames';

export interface SortOption {
  readonly sort: EventGroupSort;
  readonly label: string;
}

/** Sorts offered per view; the first is the default. */
export const SORT_OPTIONS: Readonly<Record<FilterableView, readonly SortOption[]>> = {
  aggregates: [
    { sort: 'key', label: 'By aggregate id' },
    { sort: 'count', label: 'By event count' },
    { sort: 'lastActivity', label: 'By last activity' },
  ],
  correlations: [
    { sort: 'lastActivity', label: 'By last activity' },
    { sort: 'key', label: 'By correlation id' },
    { sort: 'count', label: 'By event count' },
  ],
  eventTypes: [
    { sort: 'count', label: 'By event count' },
    { sort: 'key', label: 'By name' },
    { sort: 'lastActivity', label: 'By last activity' },
  ],
  snapshots: [
    { sort: 'key', label: 'By aggregate id' },
    { sort: 'count', label: 'By snapshot count' },
    { sort: 'lastActivity', label: 'By newest snapshot sequence' },
  ],
};

export function defaultSort(view: FilterableView): EventGroupSort {
  return SORT_OPTIONS[view][0].sort;
}

/** The sort's short name for the view description (empty for the default). */
export function describeSort(view: FilterableView, sort: EventGroupSort): string {
  if (sort === defaultSort(view)) return '';
  return SORT_OPTIONS[view].find((o) => o.sort === sort)?.label.toLowerCase() ?? '';
}
