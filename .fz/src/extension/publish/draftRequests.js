"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.draftToParams = draftToParams;
exports.checkDraft = checkDraft;
exports.suggestionsFor = suggestionsFor;
exports.draftFromEvent = draftFromEvent;
const protocol_1 = require("../../shared/protocol");
const publishFormProtocol_1 = require("../../shared/publishFormProtocol");
const writeProtocol_1 = require("../../shared/writeProtocol");
const jsonInput_1 = require("../commands/jsonInput");
const SUGGESTIONS = 50;
/** An id field's problem (ids are taken as typed: spaces around one are almost always a slip). */
function idProblems(draft) {
    const names = { aggregateId: 'aggregate id', correlationId: 'correlation id', causationId: 'causation id', source: 'source' };
    return Object.keys(names)
        .filter((field) => draft[field] !== draft[field].trim())
        .map((field) => `the ${names[field]} has spaces before or after it`);
}
/**
 * The draft as the publish request's parameters, or what is wrong with it
 * before the server is asked (no type, data that is not JSON, an id with
 * spaces around it).
 */
function draftToParams(draft, store) {
    const problems = [];
    if (draft.eventType.trim() === '')
        problems.push('choose an event type');
    const data = (0, jsonInput_1.parseJsonInput)(draft.dataText);
    if (!data.ok)
        problems.push(data.message);
    problems.push(...idProblems(draft));
    if (problems.length > 0 || !data.ok)
        return { ok: false, problems };
    const optional = (value) => (value === '' ? undefined : value);
    return {
        ok: true,
        params: {
            ...(store !== undefined ? { store } : {}),
            trusted: true,
            eventType: draft.eventType,
            data: data.value,
            ...(optional(draft.aggregateId) ? { aggregateId: draft.aggregateId } : {}),
            ...(optional(draft.correlationId) ? { correlationId: draft.correlationId } : {}),
            ...(optional(draft.causationId) ? { causationId: draft.causationId } : {}),
            ...(optional(draft.source) ? { source: draft.source } : {}),
        },
    };
}
/** The verdict the form shows as the user types: the local problems, else the server's check (which writes nothing). */
async function checkDraft(send, draft, store) {
    const local = draftToParams(draft, store);
    if (!local.ok)
        return { schemaVersion: '', problems: local.problems };
    const { params } = local;
    const result = await send(writeProtocol_1.PublishCheckRequest.type, { ...(store !== undefined ? { store } : {}), eventType: params.eventType, data: params.data });
    return { schemaVersion: result.schemaVersion, problems: [...result.problems] };
}
const plural = (n, noun) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
function eventSuggestion(entry) {
    const time = entry.timestamp ? ` · ${entry.timestamp}` : '';
    return { value: entry.eventId, detail: `#${entry.sequence ?? '?'} ${entry.type}${entry.aggregateId ? ` (${entry.aggregateId})` : ''}${time}` };
}
/**
 * Completion for an id field, from the store: aggregates, correlations and
 * sources by prefix (the views' own grouping, so the same order); for the
 * causation, the events of the draft's correlation, else its aggregate's
 * newest, whose ids start with what was typed.
 */
async function suggestionsFor(send, field, prefix, draft, store) {
    const scope = store !== undefined ? { store } : {};
    if (field !== 'causationId') {
        const groupBy = field === 'aggregateId' ? 'aggregate' : field === 'correlationId' ? 'correlation' : 'source';
        const page = await send(protocol_1.EventGroupsRequest.type, { ...scope, groupBy, prefix, limit: SUGGESTIONS });
        return page.items.map((g) => ({ value: g.key, detail: plural(g.count, 'event') }));
    }
    let entries = [];
    if (draft.correlationId !== '') {
        entries = (await send(protocol_1.EventsQueryRequest.type, { ...scope, correlationId: draft.correlationId, limit: 1000 })).items;
    }
    else if (draft.aggregateId !== '') {
        const first = await send(protocol_1.AggregateEventsRequest.type, { ...scope, aggregateId: draft.aggregateId, limit: 0 });
        const offset = Math.max(0, first.total - 200);
        entries = (await send(protocol_1.AggregateEventsRequest.type, { ...scope, aggregateId: draft.aggregateId, offset, limit: 200 })).items;
    }
    // Newest first: the usual cause is the event just before.
    return entries
        .filter((e) => e.eventId.startsWith(prefix))
        .slice(-SUGGESTIONS)
        .reverse()
        .map(eventSuggestion);
}
/** The draft Republish as Template starts from: the stored event's type, data and ids (a new event id and time come from the bus). */
function draftFromEvent(event) {
    const record = (typeof event === 'object' && event !== null ? event : {});
    const metadata = record.metadata ?? {};
    const text = (value) => (typeof value === 'string' ? value : '');
    return {
        ...(0, publishFormProtocol_1.emptyDraft)(text(record.event_type)),
        dataText: JSON.stringify(record.data ?? {}, null, 2),
        aggregateId: text(metadata.aggregate_id),
        correlationId: text(metadata.correlation_id),
        causationId: text(metadata.causation_id),
        source: text(metadata.source) || 'vscode',
    };
}
//# sourceMappingURL=draftRequests.js.map