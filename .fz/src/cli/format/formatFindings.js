"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FINDING_FORMATS = void 0;
exports.isFindingFormat = isFindingFormat;
exports.findingWriter = findingWriter;
exports.formatFindings = formatFindings;
const findingWriter_1 = require("./findingWriter");
const findingsJson_1 = require("./findingsJson");
const findingsJunit_1 = require("./findingsJunit");
const findingsSarif_1 = require("./findingsSarif");
const findingsText_1 = require("./findingsText");
exports.FINDING_FORMATS = ['text', 'json', 'sarif', 'junit'];
function isFindingFormat(text) {
    return exports.FINDING_FORMATS.includes(text);
}
/** A streaming writer for the `validate --format` asked for. */
function findingWriter(format, out, options = {}) {
    switch (format) {
        case 'text':
            return (0, findingsText_1.textFindingWriter)(out);
        case 'json':
            return (0, findingsJson_1.jsonFindingWriter)(out);
        case 'sarif':
            return (0, findingsSarif_1.sarifFindingWriter)(out, options);
        case 'junit':
            return (0, findingsJunit_1.junitFindingWriter)(out, options);
    }
}
/** The findings in the `validate --format` asked for, as one string (small outputs). */
function formatFindings(findings, format, options = {}) {
    // JUnit groups by file and line, so it sorts first; the others keep the order given.
    if (format === 'junit')
        return (0, findingsJunit_1.formatFindingsJunit)(findings, options);
    return (0, findingWriter_1.writeToString)((sink) => findingWriter(format, sink, options), findings).trimEnd();
}
//# sourceMappingURL=formatFindings.js.map