"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REVEAL_IN_AGGREGATES_COMMAND = exports.OPEN_INSPECTOR_COMMAND = exports.OPEN_EVENT_COMMAND = void 0;
exports.planOpenEvent = planOpenEvent;
exports.planOpenInspector = planOpenInspector;
exports.planRevealInViews = planRevealInViews;
/**
 * What "open this event" and "inspect at this step" do, decided from the
 * commands registered in this window and the event's index entry: another
 * part of the extension may own a richer command (eventbus.openEvent reveals
 * the event in the Aggregates view too); without it the event's line opens.
 */
const commands_1 = require("../../shared/commands");
exports.OPEN_EVENT_COMMAND = 'eventbus.openEvent';
exports.OPEN_INSPECTOR_COMMAND = 'eventbus.openInspector';
exports.REVEAL_IN_AGGREGATES_COMMAND = commands_1.RevealInAggregatesCommand.id;
function planOpenEvent(commands, eventId, detail) {
    // Beside the timeline: the event opens next to it, never over it.
    if (commands.includes(exports.OPEN_EVENT_COMMAND))
        return { kind: 'command', command: exports.OPEN_EVENT_COMMAND, args: { eventId, beside: true } };
    if (!detail)
        return { kind: 'message', text: `No event with id ${eventId} in the store (it may have been removed since the timeline was drawn).` };
    return { kind: 'document', uri: detail.entry.uri, line: Math.max(0, detail.entry.line - 1) };
}
function planOpenInspector(commands, eventId, detail) {
    if (!detail)
        return { kind: 'message', text: `No event with id ${eventId} in the store (it may have been removed since the timeline was drawn).` };
    const { aggregateId, sequence } = detail.entry;
    if (aggregateId === null)
        return { kind: 'message', text: `Event ${eventId} has no aggregate_id: the inspector rebuilds an aggregate's state, so it cannot open at this event.` };
    if (!commands.includes(exports.OPEN_INSPECTOR_COMMAND))
        return { kind: 'message', text: 'The time-travel inspector is not available in this window.' };
    return { kind: 'command', command: exports.OPEN_INSPECTOR_COMMAND, args: { aggregateId, ...(sequence !== null ? { atSequence: sequence } : {}) } };
}
/** After opening a clicked event: select its row in the Aggregates view (when the views are there and the event has an aggregate). */
function planRevealInViews(commands, eventId, detail) {
    if (!detail || detail.entry.aggregateId === null || !commands.includes(exports.REVEAL_IN_AGGREGATES_COMMAND))
        return null;
    return { kind: 'command', command: exports.REVEAL_IN_AGGREGATES_COMMAND, args: { eventId } };
}
//# sourceMappingURL=openEventPlan.js.map