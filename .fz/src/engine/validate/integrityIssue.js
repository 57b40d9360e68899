"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.issueToFinding = issueToFinding;
const codes_1 = require("./codes");
const lineLocator_1 = require("../store/lineLocator");
/**
 * The finding for an issue, pointing at the field's value in `lineText`
 * (the whole line when the text is unavailable or the field not found).
 */
function issueToFinding(issue, event, lineText, overrides) {
    const severity = (0, codes_1.severityOf)(issue.code, overrides);
    if (severity === null)
        return undefined;
    let start = 0;
    let end = event.length;
    if (lineText !== undefined) {
        const locator = new lineLocator_1.LineLocator(lineText);
        const range = locator.valueRange(['metadata', issue.field]) ?? locator.wholeLine();
        start = range.start;
        end = range.end;
    }
    return {
        file: event.file,
        line: event.line,
        column: start + 1,
        endLine: event.line,
        endColumn: end + 1,
        severity,
        code: issue.code,
        message: issue.message,
        ...(issue.data !== undefined ? { data: issue.data } : {}),
    };
}
//# sourceMappingURL=integrityIssue.js.map