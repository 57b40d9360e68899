"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.hover = hover;
const vscode_languageserver_protocol_1 = require("vscode-languageserver-protocol");
const eventLineTokens_1 = require("./eventLineTokens");
const idHover_1 = require("./idHover");
const lspRanges_1 = require("./lspRanges");
const timestampHover_1 = require("./timestampHover");
const typeHover_1 = require("./typeHover");
/**
 * Hover on an event line's ids, event_type and timestamp. `lineText` is the
 * line under the cursor and `position` the cursor (its `line` only places
 * the returned range). Returns null anywhere else, including inside data.
 */
async function hover(ctx, lineText, position) {
    const token = (0, eventLineTokens_1.tokenAt)(lineText, position.character);
    if (!token.field || !token.range)
        return null;
    const markdown = await markdownFor(ctx, token, lineText);
    if (markdown === undefined)
        return null;
    return { contents: { kind: vscode_languageserver_protocol_1.MarkupKind.Markdown, value: markdown }, range: (0, lspRanges_1.rangeOnLine)(position.line, token.range) };
}
async function markdownFor(ctx, token, lineText) {
    const value = token.value;
    if (value === null)
        return nullNote(token);
    if (typeof value !== 'string')
        return undefined;
    switch (token.field) {
        case 'event_id':
            return (0, idHover_1.describeEventId)(ctx, value, 'This event');
        case 'causation_id':
            return (0, idHover_1.describeCausationId)(ctx, value);
        case 'correlation_id':
            return (0, idHover_1.describeCorrelationId)(ctx, value);
        case 'aggregate_id':
            return (0, idHover_1.describeAggregateId)(ctx, value);
        case 'event_type':
            return (0, typeHover_1.describeEventType)(ctx, value, (0, eventLineTokens_1.stringAt)((0, eventLineTokens_1.parseLine)(lineText), ['metadata', 'schema_version']));
        case 'timestamp': {
            const line = (0, eventLineTokens_1.parseLine)(lineText);
            const sequence = (0, eventLineTokens_1.valueAt)(line, ['metadata', 'sequence_number']);
            return (0, timestampHover_1.describeTimestamp)(ctx, {
                timestamp: value,
                eventId: (0, eventLineTokens_1.stringAt)(line, ['metadata', 'event_id']),
                aggregateId: (0, eventLineTokens_1.stringAt)(line, ['metadata', 'aggregate_id']),
                ...(typeof sequence === 'number' ? { sequenceNumber: sequence } : {}),
            });
        }
        default:
            return undefined;
    }
}
function nullNote(token) {
    switch (token.field) {
        case 'causation_id':
            return 'No cause: this event starts its chain (or was published without one).';
        case 'correlation_id':
            return 'No correlation: this event belongs to no conversation.';
        case 'aggregate_id':
            return 'No aggregate: this event is not part of any aggregate stream.';
        default:
            return undefined;
    }
}
//# sourceMappingURL=hover.js.map