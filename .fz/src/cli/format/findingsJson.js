"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toFindingRecord = toFindingRecord;
exports.jsonFindingWriter = jsonFindingWriter;
const repeatedCauses_1 = require("../../engine/validate/repeatedCauses");
const findingWriter_1 = require("./findingWriter");
const terminalText_1 = require("./terminalText");
function toFindingRecord(finding) {
    return {
        file: finding.file,
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        severity: finding.severity,
        code: finding.code,
        message: finding.message + (0, repeatedCauses_1.repeatSuffix)(finding),
        ...(finding.count !== undefined && finding.count > 1 ? { count: finding.count, places: finding.places ?? [] } : {}),
    };
}
/**
 * A JSON array of findings (file relative to the store), written record by
 * record: byte for byte what `JSON.stringify(records, null, 2)` gives.
 */
function jsonFindingWriter(out) {
    let written = 0;
    return {
        write(findings) {
            if (findings.length === 0)
                return;
            let text = written === 0 ? '[\n' : ',\n';
            findings.forEach((finding, index) => {
                text += `${index > 0 ? ',\n' : ''}${(0, findingWriter_1.indentLines)((0, terminalText_1.jsonTerminalSafe)(JSON.stringify(toFindingRecord(finding), null, 2)), '  ')}`;
            });
            written += findings.length;
            out(text);
        },
        end() {
            out(written === 0 ? '[]\n' : '\n]\n');
        },
    };
}
//# sourceMappingURL=findingsJson.js.map