"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validationMessage = validationMessage;
exports.verifySummary = verifySummary;
exports.stateDocument = stateDocument;
exports.jsonLines = jsonLines;
exports.viewName = viewName;
const planDescriptions_1 = require("./planDescriptions");
/** "Event store: 3 errors, 12 warnings in 4 files (1,234 events checked)". */
function validationMessage(summary) {
    const { problems } = summary;
    const parts = [
        problems.error > 0 ? (0, planDescriptions_1.plural)(problems.error, 'error') : undefined,
        problems.warning > 0 ? (0, planDescriptions_1.plural)(problems.warning, 'warning') : undefined,
        problems.information > 0 ? `${problems.information.toLocaleString('en-US')} info` : undefined,
        problems.hint > 0 ? (0, planDescriptions_1.plural)(problems.hint, 'hint') : undefined,
    ].filter((p) => p !== undefined);
    const events = `${(0, planDescriptions_1.plural)(summary.eventCount, 'event')} checked`;
    if (parts.length === 0)
        return `Event store is valid: no problems (${events}).`;
    return `Event store: ${parts.join(', ')} in ${(0, planDescriptions_1.plural)(summary.files.length, 'file')} (${events}).`;
}
/** "Verify Snapshots": how many match, and which drifted (aggregate@sequence) or failed. */
function verifySummary(results) {
    if (results.length === 0)
        return { message: 'The store has no snapshots to verify.', anyBad: false, details: '' };
    const drifted = results.filter((r) => !r.ok && r.error === undefined && r.unverifiable === undefined);
    const failed = results.filter((r) => r.error !== undefined);
    // Their events were removed by TTL: neither a match nor drift.
    const removed = results.filter((r) => r.unverifiable !== undefined && r.error === undefined);
    const ok = results.length - drifted.length - failed.length - removed.length;
    const name = (r) => `${r.aggregateId}@${r.sequenceNumber}`;
    const parts = [`${(0, planDescriptions_1.plural)(results.length, 'snapshot')} verified: ${ok.toLocaleString('en-US')} match the events`];
    if (drifted.length > 0)
        parts.push(`${drifted.length.toLocaleString('en-US')} drifted (${first(drifted.map(name))})`);
    if (failed.length > 0)
        parts.push(`${failed.length.toLocaleString('en-US')} could not be checked (${first(failed.map(name))})`);
    if (removed.length > 0)
        parts.push(`${removed.length.toLocaleString('en-US')} cannot be verified: their events were removed (${first(removed.map(name))})`);
    const blocks = [...drifted, ...failed].map((r) => {
        const head = `${name(r)}  ${r.file}`;
        if (r.error !== undefined)
            return `${head}\n  could not be checked: ${r.error}`;
        return `${head}\n  rebuilt from ${(0, planDescriptions_1.plural)(r.eventsApplied, 'event')} up to ${r.rebuiltToSequence}; snapshot → rebuilt:\n${r.differences.map((d) => `  ${d}`).join('\n')}`;
    });
    return { message: `${parts.join(', ')}.`, anyBad: drifted.length + failed.length > 0, details: blocks.join('\n\n') };
}
function first(names, n = 5) {
    return names.length <= n ? names.join(', ') : `${names.slice(0, n).join(', ')} and ${names.length - n} more`;
}
/** The read-only JSON document of a rebuilt state: where it came from first, then the state. */
function stateDocument(result) {
    const body = {
        aggregateId: result.aggregateId,
        atSequence: result.lastSequence,
        eventsApplied: result.eventsApplied,
        fromSnapshot: result.fromSnapshot,
        ...(result.skippedSnapshots.length > 0 ? { skippedSnapshots: result.skippedSnapshots } : {}),
        state: result.state,
    };
    return `${JSON.stringify(body, null, 2)}\n`;
}
/** Events as JSON Lines (one event a line), the replay documents' text. */
function jsonLines(events) {
    return events.length === 0 ? '' : `${events.map((event) => JSON.stringify(event)).join('\n')}\n`;
}
/** A name usable as a path segment of a view URI (no separators or reserved characters). */
function viewName(text) {
    return text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}
//# sourceMappingURL=summaries.js.map