"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LSP_SEVERITY = void 0;
exports.effectiveSeverity = effectiveSeverity;
exports.findingToDiagnostic = findingToDiagnostic;
const node_1 = require("vscode-languageserver/node");
const codes_1 = require("../engine/validate/codes");
const repeatedCauses_1 = require("../engine/validate/repeatedCauses");
const codeLinks_1 = require("../shared/codeLinks");
exports.LSP_SEVERITY = {
    error: node_1.DiagnosticSeverity.Error,
    warning: node_1.DiagnosticSeverity.Warning,
    information: node_1.DiagnosticSeverity.Information,
    hint: node_1.DiagnosticSeverity.Hint,
};
/**
 * The engine runs without overrides (so one validation serves any setting)
 * and findings carry their code's default severity; the user's per-code
 * setting is applied here. Null when the code is turned off.
 */
function effectiveSeverity(finding, overrides) {
    return overrides[finding.code] === undefined ? finding.severity : (0, codes_1.severityOf)(finding.code, overrides);
}
/**
 * An LSP diagnostic for a finding. Findings are 1-based with an exclusive
 * end column in UTF-16 units, exactly LSP's unit, so only the base shifts.
 * `line0` places the finding on another line (0-based) than it was found on:
 * an open document's lines move as the user edits above them.
 */
function findingToDiagnostic(finding, overrides, line0 = finding.line - 1, 
/** Where a store-relative file is: a repeated cause's first places become related information. */
uriOf) {
    const severity = effectiveSeverity(finding, overrides);
    if (severity === null)
        return null;
    const endLine0 = line0 + (finding.endLine - finding.line);
    const diagnostic = {
        range: {
            start: { line: line0, character: Math.max(0, finding.column - 1) },
            end: { line: endLine0, character: Math.max(0, finding.endColumn - 1) },
        },
        severity: exports.LSP_SEVERITY[severity],
        code: finding.code,
        codeDescription: { href: (0, codeLinks_1.codeDescriptionHref)(finding.code) },
        source: codeLinks_1.DIAGNOSTIC_SOURCE,
        message: finding.message + (0, repeatedCauses_1.repeatSuffix)(finding),
    };
    if (finding.data !== undefined)
        diagnostic.data = finding.data;
    if (uriOf && (finding.count ?? 1) > 1 && finding.places) {
        diagnostic.relatedInformation = finding.places.map((place, i) => ({
            location: { uri: uriOf(place.file), range: { start: { line: place.line - 1, character: Math.max(0, place.column - 1) }, end: { line: place.line - 1, character: Math.max(0, place.column - 1) } } },
            message: i === 0 ? 'first event with this cause' : `event ${i + 1} with this cause`,
        }));
    }
    return diagnostic;
}
//# sourceMappingURL=findingToDiagnostic.js.map