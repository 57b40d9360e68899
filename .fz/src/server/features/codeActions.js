"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.codeActions = codeActions;
exports.commandActions = commandActions;
const commands_1 = require("../../shared/commands");
const eventLineTokens_1 = require("./eventLineTokens");
const quickFixes_1 = require("./quickFixes");
/**
 * Quick fixes for the request's diagnostics (EB012 upcast, EB009 missing
 * required property, EB013 duplicate id) and, for the event line under the
 * cursor, the "Replay aggregate to this event" and "Show in timeline"
 * commands that the extension provides.
 */
function codeActions(ctx, input) {
    const actions = [];
    for (const diagnostic of input.diagnostics) {
        const line = diagnostic.range.start.line;
        const lineText = input.lineText(line);
        if (lineText === undefined)
            continue;
        const target = { ctx, uri: input.uri, line, lineText, diagnostic };
        switch (diagnostic.code) {
            case 'EB012':
                pushDefined(actions, (0, quickFixes_1.upcastFix)(target));
                break;
            case 'EB009':
                actions.push(...(0, quickFixes_1.missingFieldFixes)(target));
                break;
            case 'EB013':
                pushDefined(actions, (0, quickFixes_1.duplicateIdFix)(target));
                break;
            default:
                break;
        }
    }
    const cursorLine = input.lineText(input.range.start.line);
    if (cursorLine !== undefined)
        actions.push(...commandActions(cursorLine));
    return input.only ? actions.filter((a) => matchesOnly(a, input.only ?? [])) : actions;
}
function pushDefined(actions, action) {
    if (action)
        actions.push(action);
}
/** Commands about the event on the line; none for a line that is not an event. */
function commandActions(lineText) {
    const event = (0, eventLineTokens_1.eventObjectOf)(lineText);
    const meta = event?.metadata;
    if (meta === null || typeof meta !== 'object' || Array.isArray(meta))
        return [];
    const { event_id: eventId, aggregate_id: aggregateId, sequence_number: sequence } = meta;
    const actions = [];
    if (typeof aggregateId === 'string' && typeof sequence === 'number' && Number.isFinite(sequence)) {
        const args = { aggregateId, toSequence: sequence };
        actions.push({
            title: 'Replay aggregate to this event',
            command: { title: 'Replay aggregate to this event', command: commands_1.ReplayAggregateCommand.id, arguments: [args] },
        });
    }
    if (typeof eventId === 'string' && eventId.length > 0) {
        const args = { eventId };
        actions.push({ title: 'Show in timeline', command: { title: 'Show in timeline', command: commands_1.ShowInTimelineCommand.id, arguments: [args] } });
    }
    return actions;
}
/** LSP's `only` filter: `quickfix` admits `quickfix` and `quickfix.x`; the empty kind admits everything, the commands included. */
function matchesOnly(action, only) {
    if (only.includes(''))
        return true;
    const kind = action.kind;
    if (kind === undefined)
        return false;
    return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}
//# sourceMappingURL=codeActions.js.map