import type { EventFilter } from '../../engine/query';
import type { EventFilter as ViewFilterParams, TimelineFilters } from '../../shared/protocol';

/**
 * A request's filter as the engine's one filter. The wire keeps the names
 * saved view state and the webviews already send (`types`, `from`/`to`);
 * this is the only place they are read.
 */
export function filterOfParams(params: ViewFilterParams | TimelineFilters | undefined): EventFilter | undefined {
  if (!params) return undefined;
  const timeline = params as TimelineFilters;
  return {
    ...(timeline.aggregateIds ? { aggregateIds: timeline.aggregateIds } : {}),
    ...(timeline.aggregatePrefix ? { aggregatePrefix: timeline.aggregatePrefix } : {}),
    ...(timeline.correlationId ? { correlationIds: [timeline.correlationId] } : {}),
    ...(params.types ? { eventTypes: params.types } : {}),
    ...(params.sources ? { sources: params.sources } : {}),
    ...(params.from !== undefined ? { since: params.from } : {}),
    ...(params.to !== undefined ? { until: params.to } : {}),
    ...(params.where !== undefined ? { where: params.where } : {}),
  };
}

/** A view's filter (views, groups, event lists, export): a backwards time window is refused by name, as the views always did (the timeline's scan simply finds nothing in one). */
export function viewFilterOfParams(params: ViewFilterParams | undefined): EventFilter | undefined {
  if (params && typeof params.from === 'number' && typeof params.to === 'number' && params.from > params.to) {
    throw new Error(`filter time range: from (${params.from}) is after to (${params.to})`);
  }
  return filterOfParams(params);
}
