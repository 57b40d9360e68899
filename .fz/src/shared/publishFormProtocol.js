"use strict";
/**
 * Messages between the Publish Event form (a webview panel) and its host.
 * Plain JSON, checked on arrival on both sides: the page is a browser
 * context and trusts nothing it did not make, and the host publishes only
 * what passes these guards and the server's check.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.PUBLISH_FIELDS = void 0;
exports.isPublishDraft = isPublishDraft;
exports.isPublishPageMessage = isPublishPageMessage;
exports.isPublishHostMessage = isPublishHostMessage;
exports.emptyDraft = emptyDraft;
exports.PUBLISH_FIELDS = ['aggregateId', 'correlationId', 'causationId', 'source'];
const MAX_TEXT = 1_000_000;
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value, max = 10_000) => typeof value === 'string' && value.length <= max;
function isPublishDraft(value) {
    return (isRecord(value) &&
        isText(value.eventType, 500) &&
        isText(value.dataText, MAX_TEXT) &&
        isText(value.aggregateId) &&
        isText(value.correlationId) &&
        isText(value.causationId) &&
        isText(value.source));
}
const isField = (value) => exports.PUBLISH_FIELDS.includes(value);
const isSuggestion = (value) => isRecord(value) && isText(value.value) && isText(value.detail);
function isPublishPageMessage(value) {
    if (!isRecord(value))
        return false;
    switch (value.type) {
        case 'ready':
            return true;
        case 'check':
            return Number.isSafeInteger(value.ticket) && isPublishDraft(value.draft);
        case 'suggest':
            return isField(value.field) && isText(value.prefix) && isPublishDraft(value.draft);
        case 'template':
            return isText(value.eventType, 500);
        case 'publish':
            return isPublishDraft(value.draft);
        default:
            return false;
    }
}
function isPublishHostMessage(value) {
    if (!isRecord(value))
        return false;
    switch (value.type) {
        case 'init':
            return isText(value.storeName) && Array.isArray(value.types) && value.types.every((t) => isText(t)) && (value.draft === null || isPublishDraft(value.draft));
        case 'verdict':
            return Number.isSafeInteger(value.ticket) && isRecord(value.verdict) && isText(value.verdict.schemaVersion) && Array.isArray(value.verdict.problems) && value.verdict.problems.every((p) => isText(p, MAX_TEXT));
        case 'suggestions':
            return isField(value.field) && isText(value.prefix) && Array.isArray(value.values) && value.values.every(isSuggestion);
        case 'template':
            return isText(value.eventType, 500) && isText(value.dataText, MAX_TEXT) && Array.isArray(value.required) && value.required.every((r) => isText(r)) && (value.schemaFile === null || isText(value.schemaFile));
        case 'published':
        case 'failed':
            return isText(value.message, MAX_TEXT);
        default:
            return false;
    }
}
/** An empty draft of a type (the form's start without a republished event). */
function emptyDraft(eventType = '') {
    return { eventType, dataText: '{}', aggregateId: '', correlationId: '', causationId: '', source: 'vscode' };
}
//# sourceMappingURL=publishFormProtocol.js.map