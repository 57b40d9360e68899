"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isFailed = isFailed;
exports.isRetried = isRetried;
exports.eventIcon = eventIcon;
exports.eventContextValue = eventContextValue;
exports.eventTooltip = eventTooltip;
exports.eventItem = eventItem;
const eventDocumentUri_1 = require("../../eventDocuments/eventDocumentUri");
const markdown_1 = require("./markdown");
const relativeTime_1 = require("./relativeTime");
function isFailed(entry) {
    return entry.status === 'failed';
}
function isRetried(entry) {
    return entry.retryCount > 0 || entry.status === 'retrying';
}
function sequenceText(entry) {
    return entry.sequence === null ? '#?' : `#${entry.sequence}`;
}
/** Failed events in the error colour, retried ones in the warning colour; broken causation links and cycles stand out too. */
function eventIcon(node) {
    const entry = node.entry;
    if (isFailed(entry))
        return { id: 'error', color: 'list.errorForeground' };
    if (node.causation?.cycle)
        return { id: 'sync', color: 'list.errorForeground' };
    if (node.causation?.brokenCause)
        return { id: 'debug-disconnect', color: 'list.warningForeground' };
    if (isRetried(entry))
        return { id: 'warning', color: 'list.warningForeground' };
    return { id: 'symbol-event' };
}
/** Words the context menus match (`viewItem =~ /\breplayable\b/`). */
function eventContextValue(node) {
    const words = ['event'];
    if (node.aggregateId !== undefined && node.toSequence !== undefined)
        words.push('replayable');
    if (node.entry.correlationId)
        words.push('correlated');
    return words.join(' ');
}
function eventTooltip(node) {
    const e = node.entry;
    const notes = [];
    if (isFailed(e))
        notes.push('**Failed**');
    if (isRetried(e))
        notes.push(`**Retried** ${e.retryCount} time${e.retryCount === 1 ? '' : 's'}`);
    if (node.causation?.brokenCause)
        notes.push('**Broken chain:** no event in the store has its causation id');
    if (node.causation?.cycle)
        notes.push('**Cycle:** its causation chain leads back to itself');
    if (node.causation?.duplicateId)
        notes.push('**Duplicate id:** another event has the same id');
    return (0, markdown_1.lines)([
        `${(0, markdown_1.field)('Type', e.type)} ${(0, markdown_1.field)('Sequence', e.sequence)}`,
        ...notes,
        (0, markdown_1.field)('Event id', e.eventId),
        (0, markdown_1.field)('Aggregate', e.aggregateId),
        (0, markdown_1.field)('Source', e.source),
        (0, markdown_1.field)('Correlation', e.correlationId),
        (0, markdown_1.field)('Causation', e.causationId),
        (0, markdown_1.field)('Status', e.status),
        (0, markdown_1.field)('Retry count', e.retryCount),
        (0, markdown_1.field)('Time', e.timestamp),
        (0, markdown_1.field)('Schema version', e.schemaVersion),
        (0, markdown_1.field)('File', `${e.file}:${e.line}`),
    ]);
}
function eventItem(node, style, nowMs) {
    const e = node.entry;
    const open = { command: eventDocumentUri_1.OPEN_EVENT_COMMAND, title: 'Open Event', arguments: [{ eventId: e.eventId, store: node.store, title: (0, eventDocumentUri_1.eventDocumentTitle)(e) }] };
    const base = {
        id: node.key,
        tooltip: { markdown: eventTooltip(node) },
        icon: eventIcon(node),
        contextValue: eventContextValue(node),
        command: open,
    };
    if (style === 'causation') {
        const step = (0, relativeTime_1.formatStepDuration)(node.causation?.sinceCauseMs ?? null);
        const where = `${e.aggregateId ?? '(no aggregate)'} ${sequenceText(e)}`;
        return {
            ...base,
            label: e.type,
            description: [step, where, node.causation?.brokenCause ? 'unknown cause' : ''].filter(Boolean).join(' · '),
            collapsible: node.causation && node.causation.children.length > 0 ? 'expanded' : 'none',
        };
    }
    const label = style === 'type' ? `${e.aggregateId ?? '(no aggregate)'} ${sequenceText(e)}` : `${sequenceText(e)} ${e.type}`;
    return { ...base, label, description: (0, relativeTime_1.formatEventTime)(e.timestampMs, nowMs), collapsible: 'none' };
}
//# sourceMappingURL=eventItem.js.map