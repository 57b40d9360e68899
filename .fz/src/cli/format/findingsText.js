"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatFindingText = formatFindingText;
exports.textFindingWriter = textFindingWriter;
exports.summarizeFindings = summarizeFindings;
exports.summarizeCounts = summarizeCounts;
const finding_1 = require("../../engine/validate/finding");
const repeatedCauses_1 = require("../../engine/validate/repeatedCauses");
const terminalText_1 = require("./terminalText");
/** One finding per line, `file:line:col severity CODE message`, the shape editors and terminals link. */
function formatFindingText(f) {
    return `${(0, terminalText_1.terminalSafe)(f.file)}:${f.line}:${f.column} ${f.severity} ${f.code} ${(0, terminalText_1.terminalSafe)(oneLine(f.message))}${(0, repeatedCauses_1.repeatSuffix)(f)}`;
}
function textFindingWriter(out) {
    return {
        write(findings) {
            if (findings.length > 0)
                out(`${findings.map(formatFindingText).join('\n')}\n`);
        },
        end() {
            // Nothing to close: a line per finding.
        },
    };
}
/** "2 errors, 1 warning, 0 information, 0 hints" */
function summarizeFindings(findings) {
    return summarizeCounts((0, finding_1.countBySeverity)(findings));
}
function summarizeCounts(counts) {
    const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')}`;
}
/** A message never breaks the one-finding-per-line shape. */
function oneLine(text) {
    return text.replace(/\r?\n/g, ' ');
}
//# sourceMappingURL=findingsText.js.map