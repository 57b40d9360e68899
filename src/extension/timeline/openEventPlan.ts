/**
 * What "open this event" and "inspect at this step" do when the timeline
 * asks, decided from the event's index entry. The commands they run are
 * this extension's own (registered at activation, so no probe of the
 * window's commands), and every argument names the timeline's store.
 */
import { OpenEventCommand, OpenInspectorCommand, RevealInAggregatesCommand } from '../../shared/commands';
import type { EventDetail } from '../../shared/protocol';

export type OpenPlan =
  | { readonly kind: 'command'; readonly command: string; readonly args: OpenEventCommand.Args | OpenInspectorCommand.Args | RevealInAggregatesCommand.Args }
  | { readonly kind: 'message'; readonly text: string };

const gone = (eventId: string): OpenPlan => ({ kind: 'message', text: `No event with id ${eventId} in the store (it may have been removed since the timeline was drawn).` });

export function planOpenEvent(store: string, eventId: string, detail: EventDetail | null | undefined): OpenPlan {
  if (!detail) return gone(eventId);
  // Beside the timeline: the event opens next to it, never over it.
  return { kind: 'command', command: OpenEventCommand.id, args: { store, eventId, beside: true } };
}

export function planOpenInspector(store: string, eventId: string, detail: EventDetail | null | undefined): OpenPlan {
  if (!detail) return gone(eventId);
  const { aggregateId, sequence } = detail.entry;
  if (aggregateId === null) return { kind: 'message', text: `Event ${eventId} has no aggregate_id: the inspector rebuilds an aggregate's state, so it cannot open at this event.` };
  return { kind: 'command', command: OpenInspectorCommand.id, args: { store, aggregateId, ...(sequence !== null ? { atSequence: sequence } : {}) } };
}

/** After opening a clicked event: select its row in the Aggregates view (when the event has an aggregate). */
export function planRevealInViews(store: string, eventId: string, detail: EventDetail | null | undefined): OpenPlan | null {
  if (!detail || detail.entry.aggregateId === null) return null;
  return { kind: 'command', command: RevealInAggregatesCommand.id, args: { store, eventId } };
}
