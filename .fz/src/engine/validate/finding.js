"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compareFindings = compareFindings;
exports.sortFindings = sortFindings;
exports.countBySeverity = countBySeverity;
/** Store order for reports: file, then line, then column, then code. */
function compareFindings(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    if (a.line !== b.line)
        return a.line - b.line;
    if (a.column !== b.column)
        return a.column - b.column;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
function sortFindings(findings) {
    return findings.sort(compareFindings);
}
function countBySeverity(findings) {
    const counts = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const finding of findings)
        counts[finding.severity] += finding.count ?? 1;
    return counts;
}
//# sourceMappingURL=finding.js.map