/**
 * What "open this event" and "inspect at this step" do, decided from the
 * commands registered in this window and the event's index entry: another
 * part of the extension may own a richer command (eventbus.openEvent reveals
 * the event in the Aggregates view too); without it the event's line opens.
 */
import { RevealInAggregatesCommand } from '../../shared/commands';
import type { EventDetail } from '../../shared/protocol';

export const OPEN_EVENT_COMMAND = 'eventbus.openEvent';
export const OPEN_INSPECTOR_COMMAND = 'eventbus.openInspector';
export const REVEAL_IN_AGGREGATES_COMMAND = RevealInAggregatesCommand.id;

export type OpenPlan =
  | { readonly kind: 'command'; readonly command: string; readonly args: Readonly<Record<string, unknown>> }
  | { readonly kind: 'document'; readonly uri: string; /** 0-based. */ readonly line: number }
  | { readonly kind: 'message'; readonly text: string };

export function planOpenEvent(commands: readonly string[], eventId: string, detail: EventDetail | null | undefined): OpenPlan {
  // Beside the timeline: the event opens next to it, never over it.
  if (commands.includes(OPEN_EVENT_COMMAND)) return { kind: 'command', command: OPEN_EVENT_COMMAND, args: { eventId, beside: true } };
  if (!detail) return { kind: 'message', text: `No event with id ${eventId} in the store (it may have been removed since the timeline was drawn).` };
  return { kind: 'document', uri: detail.entry.uri, line: Math.max(0, detail.entry.line - 1) };
}

export function planOpenInspector(commands: readonly string[], eventId: string, detail: EventDetail | null | undefined): OpenPlan {
  if (!detail) return { kind: 'message', text: `No event with id ${eventId} in the store (it may have been removed since the timeline was drawn).` };
  const { aggregateId, sequence } = detail.entry;
  if (aggregateId === null) return { kind: 'message', text: `Event ${eventId} has no aggregate_id: the inspector rebuilds an aggregate's state, so it cannot open at this event.` };
  if (!commands.includes(OPEN_INSPECTOR_COMMAND)) return { kind: 'message', text: 'The time-travel inspector is not available in this window.' };
  return { kind: 'command', command: OPEN_INSPECTOR_COMMAND, args: { aggregateId, ...(sequence !== null ? { atSequence: sequence } : {}) } };
}

/** After opening a clicked event: select its row in the Aggregates view (when the views are there and the event has an aggregate). */
export function planRevealInViews(commands: readonly string[], eventId: string, detail: EventDetail | null | undefined): OpenPlan | null {
  if (!detail || detail.entry.aggregateId === null || !commands.includes(REVEAL_IN_AGGREGATES_COMMAND)) return null;
  return { kind: 'command', command: REVEAL_IN_AGGREGATES_COMMAND, args: { eventId } };
}
