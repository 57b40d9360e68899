"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EVENT_VERSION = void 0;
exports.assembleLine = assembleLine;
exports.EVENT_VERSION = '1.0.0';
/** The guide's line: `{"event_type", "data", "metadata": {...}}` with metadata in the guide's field order. */
function assembleLine(s, p) {
    const c = s.comma;
    const k = s.colon;
    return (`{"event_type"${k}"${p.type}"${c}"data"${k}${p.data}${c}"metadata"${k}{` +
        `"event_id"${k}"${p.eventId}"${c}"version"${k}"${exports.EVENT_VERSION}"${c}"schema_version"${k}"${p.schemaVersion}"${c}` +
        `"timestamp"${k}"${p.timestamp}"${c}"source"${k}${s.str(p.source)}${c}"correlation_id"${k}${p.correlation}${c}` +
        `"causation_id"${k}${p.causation}${c}"aggregate_id"${k}${s.str(p.aggregateId)}${c}"sequence_number"${k}${p.sequence}${c}` +
        `"retry_count"${k}${p.retryCount}${c}"status"${k}"${p.status}"${c}"tags"${k}${p.tags}}}`);
}
//# sourceMappingURL=eventLine.js.map