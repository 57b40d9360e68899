"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LineFindings = void 0;
exports.fileFinding = fileFinding;
const codes_1 = require("./codes");
const lineLocator_1 = require("../store/lineLocator");
/**
 * Collects the findings of one line: resolves severities (dropping codes
 * turned off) and turns text ranges into 1-based line/column positions. The
 * locator is created on the first finding that needs a range.
 */
class LineFindings {
    text;
    file;
    line;
    overrides;
    findings = [];
    lineLocator;
    constructor(text, file, line, overrides) {
        this.text = text;
        this.file = file;
        this.line = line;
        this.overrides = overrides;
    }
    get locator() {
        this.lineLocator ??= new lineLocator_1.LineLocator(this.text);
        return this.lineLocator;
    }
    /** True when the code would be reported: skip work for codes that are off. */
    wants(code) {
        return (0, codes_1.severityOf)(code, this.overrides) !== null;
    }
    /** Adds a finding; a missing range (token not found) falls back to the whole line. */
    add(code, range, message, data) {
        const severity = (0, codes_1.severityOf)(code, this.overrides);
        if (severity === null)
            return;
        const where = range ?? this.locator.wholeLine();
        this.findings.push({
            file: this.file,
            line: this.line,
            column: where.start + 1,
            endLine: this.line,
            endColumn: where.end + 1,
            severity,
            code,
            message,
            ...(data !== undefined ? { data } : {}),
        });
    }
}
exports.LineFindings = LineFindings;
/** A finding that has no text to point into (an unreadable file): line 1, column 1, zero width. */
function fileFinding(file, code, message, overrides) {
    const severity = (0, codes_1.severityOf)(code, overrides);
    if (severity === null)
        return undefined;
    return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity, code, message };
}
//# sourceMappingURL=findingBuilder.js.map