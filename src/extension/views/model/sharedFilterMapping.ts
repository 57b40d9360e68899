/**
 * How the timeline's filter and the trees' filters map onto each other. The
 * Aggregates view holds every field (its id prefix is the aggregate prefix);
 * Correlations and Event Types take the fields they have and keep their own
 * id prefix (a correlation or a type prefix means nothing to the timeline);
 * Snapshots are not linked (a snapshot has no type, source or time).
 */
import type { SharedFilter } from '../../../shared/timelineProtocol';
import { FILTER_FIELDS, type ViewFilter, withField } from './viewFilter';
import type { FilterableView } from './viewNames';

export const LINKED_VIEWS = ['aggregates', 'correlations', 'eventTypes'] as const satisfies readonly FilterableView[];
export type LinkedView = (typeof LINKED_VIEWS)[number];

export function isLinkedView(view: FilterableView): view is LinkedView {
  return (LINKED_VIEWS as readonly string[]).includes(view);
}

/** A linked view's new filter for the shared one (its own id prefix kept unless it is the Aggregates view). */
export function viewFilterFromShared(view: LinkedView, shared: SharedFilter, current: ViewFilter): ViewFilter {
  const fields = FILTER_FIELDS[view];
  let next: ViewFilter = view === 'aggregates' ? withField({}, 'prefix', shared.aggregatePrefix) : withField({}, 'prefix', current.prefix);
  if (fields.includes('types')) next = withField(next, 'types', shared.types);
  else if (current.types) next = withField(next, 'types', current.types);
  if (fields.includes('sources')) next = withField(next, 'sources', shared.sources);
  if (fields.includes('time')) next = withField(next, 'time', { from: shared.from, to: shared.to });
  if (fields.includes('where')) next = withField(next, 'where', shared.where);
  return next;
}

/** The shared filter after a person changed a linked view's filter: the fields that view has replace the old ones. */
export function sharedFromViewFilter(view: LinkedView, filter: ViewFilter, previous: SharedFilter): SharedFilter {
  const fields = FILTER_FIELDS[view];
  const next: { -readonly [K in keyof SharedFilter]: SharedFilter[K] } = { ...previous };
  if (view === 'aggregates') next.aggregatePrefix = filter.prefix;
  if (fields.includes('types')) next.types = filter.types;
  if (fields.includes('sources')) next.sources = filter.sources;
  if (fields.includes('time')) {
    next.from = filter.from;
    next.to = filter.to;
  }
  if (fields.includes('where')) next.where = filter.where;
  for (const key of Object.keys(next) as (keyof SharedFilter)[]) {
    const value = next[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
  }
  return next;
}
