"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateSummary = validateSummary;
exports.summarizeFindings = summarizeFindings;
const findingToDiagnostic_1 = require("../findingToDiagnostic");
const storeFindings_1 = require("../storeFindings");
/**
 * "Validate Store": the counts of the session's last store pass (what the
 * Problems panel holds for files on disk, and what `eventbus validate`
 * prints), after the user's severity settings. No second validation: the
 * watcher keeps the pass current.
 */
function validateSummary(store) {
    const { session } = store;
    return {
        storeRoot: store.root,
        eventCount: store.engine.index.eventCount,
        ...summarizeFindings(session.findings, session.settings.severity, (file) => store.uriOf(file)),
        checkedAt: session.lastRefresh?.toISOString() ?? null,
    };
}
/** Totals and per-file counts by effective severity; files without findings are left out, most errors first. */
function summarizeFindings(findings, overrides, uriOf) {
    const total = { error: 0, warning: 0, information: 0, hint: 0 };
    const files = [];
    for (const file of (0, storeFindings_1.filesOf)(findings)) {
        const counts = { error: 0, warning: 0, information: 0, hint: 0 };
        for (const finding of (0, storeFindings_1.findingsOfFile)(findings, file)) {
            const severity = (0, findingToDiagnostic_1.effectiveSeverity)(finding, overrides);
            if (severity !== null)
                counts[severity]++;
        }
        if (counts.error + counts.warning + counts.information + counts.hint === 0)
            continue;
        for (const key of ['error', 'warning', 'information', 'hint'])
            total[key] += counts[key];
        files.push({ file, uri: uriOf(file), ...counts });
    }
    files.sort((a, b) => b.error - a.error || b.warning - a.warning || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return { problems: total, files };
}
//# sourceMappingURL=writeValidate.js.map