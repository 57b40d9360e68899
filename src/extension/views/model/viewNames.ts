/** The container and its views, as package.json declares them. */
export const VIEW_CONTAINER_ID = 'eventbus';

export const VIEW_NAMES = ['aggregates', 'correlations', 'eventTypes', 'snapshots', 'status'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/** Views with a filter and a sort (status is a plain list). */
export const FILTERABLE_VIEWS = ['aggregates', 'correlations', 'eventTypes', 'snapshots'] as const;
export type FilterableView = (typeof FILTERABLE_VIEWS)[number];

export function viewId(name: ViewName): string {
  return `eventbus.${name}`;
}

export const VIEW_TITLES: Readonly<Record<ViewName, string>> = {
  aggregates: 'Aggregates',
  correlations: 'Correlations',
  eventTypes: 'Event Types',
  snapshots: 'Snapshots',
  status: 'Status',
};

export function isFilterableView(name: unknown): name is FilterableView {
  return typeof name === 'string' && (FILTERABLE_VIEWS as readonly string[]).includes(name);
}

/** Context key set while a view has a filter (its title shows the clear button). */
export function filteredContextKey(name: FilterableView): string {
  return `eventbus.filtered.${name}`;
}

/** Per-view commands for the view title bar (a view/title action gets no argument naming its view). */
export function viewCommandId(action: 'filterView' | 'clearFilter' | 'sortView', name: FilterableView): string {
  return `eventbus.${action}.${name}`;
}
