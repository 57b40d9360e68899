import { type SymbolInformation, SymbolKind } from 'vscode-languageserver-protocol';
import { locationOfOrdinal } from './eventLocations';
import type { FeatureContext } from './featureContext';

export const WORKSPACE_SYMBOLS_CAP = 200;
/** Shorter queries match too much of a large store to be worth scanning every event id for. */
const MIN_QUERY = 2;

/**
 * Find an event by the start of its event_id, or an aggregate / correlation
 * by the start of its id (case-insensitive), at most `cap` results:
 * aggregates and correlations first (they are few), then events in store order.
 * An aggregate or correlation points at its first event.
 */
export function workspaceSymbols(ctx: FeatureContext, query: string, cap = WORKSPACE_SYMBOLS_CAP): SymbolInformation[] {
  const prefix = query.trim().toLowerCase();
  if (prefix.length < MIN_QUERY) return [];
  const index = ctx.engine.index;
  const found: SymbolInformation[] = [];
  const add = (symbol: SymbolInformation) => found.length < cap && found.push(symbol);

  for (const id of index.aggregateIds()) {
    if (found.length >= cap) return found;
    if (!id.toLowerCase().startsWith(prefix)) continue;
    const first = index.ordinalsOfAggregate(id)[0];
    if (first !== undefined) add({ name: id, kind: SymbolKind.Class, containerName: `aggregate · ${index.aggregateSize(id)} events`, location: locationOfOrdinal(ctx, first) });
  }
  for (const id of index.correlationIds()) {
    if (found.length >= cap) return found;
    if (!id.toLowerCase().startsWith(prefix)) continue;
    const first = index.ordinalsOfCorrelation(id)[0];
    if (first !== undefined) add({ name: id, kind: SymbolKind.Namespace, containerName: `correlation · ${index.correlationSize(id)} events`, location: locationOfOrdinal(ctx, first) });
  }
  // A whole id is looked up directly; a prefix needs a pass over every event.
  const whole = index.ordinalsOfEventId(query.trim());
  const ordinals = whole.length > 0 ? [...whole].sort((a, b) => a - b) : undefined;
  const total = ordinals ? ordinals.length : index.eventCount;
  for (let k = 0; k < total && found.length < cap; k++) {
    const event = index.event(ordinals ? ordinals[k] : k);
    if (!event.eventId.toLowerCase().startsWith(prefix)) continue;
    add({
      name: event.eventId,
      kind: SymbolKind.Event,
      containerName: `${event.eventType} · ${event.aggregateId ?? 'no aggregate'} · ${event.file}:${event.line}`,
      location: locationOfOrdinal(ctx, event.ordinal),
    });
  }
  return found;
}
