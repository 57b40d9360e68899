"use strict";
/**
 * Messages between the query box (a webview view in the Event Bus container)
 * and its host. Plain JSON, checked on arrival on both sides: the page is
 * a browser context and trusts nothing it did not make.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.isQueryPageMessage = isQueryPageMessage;
exports.isSavedQuery = isSavedQuery;
exports.isQueryHostMessage = isQueryHostMessage;
exports.statusLine = statusLine;
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
function isQueryPageMessage(value) {
    if (!isRecord(value))
        return false;
    switch (value.type) {
        case 'ready':
        case 'export':
            return true;
        case 'query':
        case 'save':
            return typeof value.text === 'string' && value.text.length <= 10_000;
        default:
            return false;
    }
}
function isSavedQuery(value) {
    return isRecord(value) && typeof value.name === 'string' && typeof value.query === 'string';
}
function isQueryStatus(value) {
    if (!isRecord(value))
        return false;
    switch (value.kind) {
        case 'idle':
        case 'running':
            return true;
        case 'matches':
            return typeof value.matched === 'number' && typeof value.total === 'number';
        case 'problem':
            return typeof value.column === 'number' && typeof value.reason === 'string';
        case 'failed':
            return typeof value.message === 'string';
        default:
            return false;
    }
}
function isQueryHostMessage(value) {
    if (!isRecord(value))
        return false;
    switch (value.type) {
        case 'status':
            return typeof value.text === 'string' && isQueryStatus(value.status);
        case 'saved':
            return Array.isArray(value.queries) && value.queries.every(isSavedQuery);
        case 'setText':
            return typeof value.text === 'string';
        default:
            return false;
    }
}
/** The line under the input: the count, or the problem with its column. */
function statusLine(status) {
    switch (status.kind) {
        case 'idle':
            return 'Type a query: data.quantity > 10 and type == "trade_executed"';
        case 'running':
            return 'Searching…';
        case 'matches':
            return `${status.matched.toLocaleString('en')} of ${status.total.toLocaleString('en')} events match`;
        case 'problem':
            return `Column ${status.column}: ${status.reason}`;
        case 'failed':
            return status.message;
    }
}
//# sourceMappingURL=queryViewProtocol.js.map