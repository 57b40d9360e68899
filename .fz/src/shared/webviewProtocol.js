"use strict";
/**
 * The typed messages between the extension host and its webviews (the
 * time-travel inspector here; the timeline reuses the envelope), in the
 * style of GitLens' webview protocol: each message is declared once with a
 * method name and an `is()` guard that checks the params, so neither side
 * trusts a message's shape just because it arrived.
 *
 * Three kinds travel:
 * - webview → host commands (fire and forget), e.g. `ready`;
 * - webview → host requests, each with an id the host answers with a reply;
 * - host → webview notifications.
 * The handshake: the host posts nothing until the page has sent `ready`
 * (a page that is still loading drops messages, and a hidden page with
 * `retainContextWhenHidden: false` is rebuilt and says `ready` again).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.isInspectorSavedState = exports.SnapshotDriftRequest = exports.SnapshotsListRequest = exports.StateRequest = exports.StepsRequest = exports.MAX_STEPS_PAGE = exports.StoreRewrittenNotification = exports.StepsAppendedNotification = exports.SubjectNotification = exports.isInspectorStep = exports.INSPECTOR_VIEW_TYPE = exports.ReadyCommand = exports.WebviewNotificationType = exports.WebviewRequestType = exports.WebviewCommandType = void 0;
exports.isRecord = isRecord;
exports.isString = isString;
exports.isWholeNumber = isWholeNumber;
exports.isBoolean = isBoolean;
exports.isUnknown = isUnknown;
exports.isNullOr = isNullOr;
exports.isArrayOf = isArrayOf;
exports.isShape = isShape;
exports.optional = optional;
exports.isReplyMessage = isReplyMessage;
exports.isRequestMessage = isRequestMessage;
exports.replyOk = replyOk;
exports.replyError = replyError;
exports.subjectOfSavedState = subjectOfSavedState;
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isString(value) {
    return typeof value === 'string';
}
function isWholeNumber(value) {
    return typeof value === 'number' && Number.isSafeInteger(value);
}
function isBoolean(value) {
    return typeof value === 'boolean';
}
function isUnknown(_value) {
    return true;
}
function isNullOr(guard) {
    return (value) => value === null || guard(value);
}
function isArrayOf(guard) {
    return (value) => Array.isArray(value) && value.every((item) => guard(item));
}
/**
 * A guard for an object with these fields (extra fields are allowed). A field
 * whose guard accepts `undefined` may be absent; list optional fields with
 * `optional()`.
 */
function isShape(shape) {
    return (value) => {
        if (!isRecord(value))
            return false;
        for (const key of Object.keys(shape)) {
            if (!shape[key](value[key]))
                return false;
        }
        return true;
    };
}
function optional(guard) {
    return (value) => value === undefined || guard(value);
}
function isReplyMessage(value) {
    if (!isRecord(value) || value.kind !== 'reply' || !isWholeNumber(value.id))
        return false;
    return value.ok === true ? 'result' in value : value.ok === false && isString(value.error);
}
function isRequestMessage(value) {
    return isRecord(value) && value.kind === 'request' && isWholeNumber(value.id) && isString(value.method);
}
/** A message from the page to the host: the page sends commands (`ready`) and requests. */
class WebviewCommandType {
    method;
    isParams;
    constructor(method, isParams) {
        this.method = method;
        this.isParams = isParams;
    }
    is(message) {
        return isRecord(message) && message.kind === 'command' && message.method === this.method && this.isParams(message.params);
    }
    create(params) {
        return { kind: 'command', method: this.method, params };
    }
}
exports.WebviewCommandType = WebviewCommandType;
/** A request from the page; the host answers with a reply carrying the same id. */
class WebviewRequestType {
    method;
    isParams;
    isResult;
    constructor(method, isParams, isResult) {
        this.method = method;
        this.isParams = isParams;
        this.isResult = isResult;
    }
    is(message) {
        return isRequestMessage(message) && message.method === this.method && this.isParams(message.params);
    }
    create(id, params) {
        return { kind: 'request', id, method: this.method, params };
    }
}
exports.WebviewRequestType = WebviewRequestType;
/** A message from the host to the page. */
class WebviewNotificationType {
    method;
    isParams;
    constructor(method, isParams) {
        this.method = method;
        this.isParams = isParams;
    }
    is(message) {
        return isRecord(message) && message.kind === 'notification' && message.method === this.method && this.isParams(message.params);
    }
    create(params) {
        return { kind: 'notification', method: this.method, params };
    }
}
exports.WebviewNotificationType = WebviewNotificationType;
function replyOk(id, result) {
    return { kind: 'reply', id, ok: true, result };
}
function replyError(id, error) {
    return { kind: 'reply', id, ok: false, error };
}
// ---------------------------------------------------------------- every webview
/** Page → host: the page's script runs and listens; only now may the host post. */
exports.ReadyCommand = new WebviewCommandType('webview/ready', isRecord);
// ---------------------------------------------------------------- the time-travel inspector
/** The view type of the inspector panel (also the serializer's key). */
exports.INSPECTOR_VIEW_TYPE = 'eventbus.inspector';
exports.isInspectorStep = isShape({
    ordinal: isWholeNumber,
    sequence: isNullOr(isWholeNumber),
    type: isString,
    timestamp: isNullOr(isString),
    eventId: isString,
    status: isString,
    source: isString,
    retryCount: isWholeNumber,
    correlationId: isNullOr(isString),
});
const isSubjectShape = isShape({ aggregateId: isString, store: optional(isString) });
/** Host → page, right after `ready`: which aggregate the panel shows (and maybe which step to select). */
exports.SubjectNotification = new WebviewNotificationType('inspector/subject', isShape({ aggregateId: isString, store: optional(isString), focusSequence: optional(isWholeNumber) }));
const isStepsPage = isShape({ offset: isWholeNumber, steps: isArrayOf(exports.isInspectorStep), total: isWholeNumber });
/** Host → page: the aggregate grew on disk; the steps from `offset` on (live appends). */
exports.StepsAppendedNotification = new WebviewNotificationType('inspector/stepsAppended', isStepsPage);
/** Host → page: the store's files were rewritten or removed; steps and states the page holds may be stale. */
exports.StoreRewrittenNotification = new WebviewNotificationType('inspector/storeRewritten', isRecord);
exports.MAX_STEPS_PAGE = 10_000;
/** Page → host: a page of the aggregate's events in sequence order. */
exports.StepsRequest = new WebviewRequestType('inspector/steps', (value) => isShape({ offset: isWholeNumber, limit: isWholeNumber })(value) &&
    value.offset >= 0 &&
    value.limit >= 1 &&
    value.limit <= exports.MAX_STEPS_PAGE, isStepsPage);
const isStateAtSequence = isShape({
    atSequence: isWholeNumber,
    state: isUnknown,
    lastSequence: isWholeNumber,
    eventsApplied: isWholeNumber,
    fromSnapshot: isNullOr(isString),
    stateText: optional(isString),
    numberSpellings: optional(isRecord),
    roundedNumbers: optional(isArrayOf(isString)),
    bookkeepingKeys: optional(isArrayOf(isString)),
});
/** Page → host: the aggregate's state rebuilt up to and including a sequence. */
exports.StateRequest = new WebviewRequestType('inspector/state', isShape({ atSequence: isWholeNumber }), isStateAtSequence);
const isInspectorSnapshot = isShape({ sequenceNumber: isWholeNumber, file: isString });
/** Page → host: the aggregate's snapshots, by sequence. */
exports.SnapshotsListRequest = new WebviewRequestType('inspector/snapshots', isRecord, isShape({ snapshots: isArrayOf(isInspectorSnapshot) }));
const isSnapshotDrift = isShape({
    sequenceNumber: isWholeNumber,
    file: isString,
    ok: isBoolean,
    differences: isArrayOf(isString),
    error: isNullOr(isString),
    snapshotState: isUnknown,
    snapshotStateKnown: isBoolean,
});
/** Page → host: verify one snapshot against the events (drift) and fetch its state for comparison with a step. */
exports.SnapshotDriftRequest = new WebviewRequestType('inspector/snapshotDrift', isShape({ sequenceNumber: isWholeNumber, file: isString }), isSnapshotDrift);
const isMode = (value) => value === 'step' || value === 'compare' || value === 'snapshot';
exports.isInspectorSavedState = isShape({
    version: (value) => value === 1,
    subject: isSubjectShape,
    mode: isMode,
    selectedSequence: isNullOr(isWholeNumber),
    compareA: isNullOr(isWholeNumber),
    compareB: isNullOr(isWholeNumber),
    snapshotSequence: isNullOr(isWholeNumber),
    loadedCount: isWholeNumber,
});
/** The subject of a saved state, or undefined when the state is not one the inspector wrote. */
function subjectOfSavedState(state) {
    return (0, exports.isInspectorSavedState)(state) ? state.subject : undefined;
}
//# sourceMappingURL=webviewProtocol.js.map