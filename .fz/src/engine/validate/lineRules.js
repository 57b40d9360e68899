"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateLine = validateLine;
const nestingDepth_1 = require("../model/nestingDepth");
const findingBuilder_1 = require("./findingBuilder");
const jsonSyntaxRules_1 = require("./jsonSyntaxRules");
const metadataRules_1 = require("./metadataRules");
const numberRules_1 = require("./numberRules");
const schemaRules_1 = require("./schemaRules");
const NO_FINDINGS = Object.freeze([]);
/**
 * Every per-line finding of one event line (EB001-EB012, EB019, EB020, EB025, EB026), as a
 * pure function of the text: the language server runs it on an open
 * document's lines, the CLI on every line of the store. JSON.parse does the
 * work for a valid line; the token tree is built only when a finding needs a
 * range. A blank line is not a finding.
 */
function validateLine(text, context) {
    const limit = context.maxNestingDepth ?? nestingDepth_1.DEFAULT_MAX_NESTING_DEPTH;
    const tooDeepAt = (0, nestingDepth_1.nestingBeyond)(text, limit);
    if (tooDeepAt !== undefined) {
        // Before JSON.parse: what the rules would do with such data (walk it, print it) is what must not happen.
        const out = new findingBuilder_1.LineFindings(text, context.file, context.line, context.severity);
        out.add('EB025', undefined, (0, nestingDepth_1.nestingMessage)(limit, tooDeepAt), { limit, column: tooDeepAt });
        return out.findings;
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        if (text.trim().length === 0)
            return NO_FINDINGS;
        const out = new findingBuilder_1.LineFindings(text, context.file, context.line, context.severity);
        (0, jsonSyntaxRules_1.reportSyntax)(text, context.unterminated === true, out, error.message);
        return out.findings;
    }
    const out = new findingBuilder_1.LineFindings(text, context.file, context.line, context.severity);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        out.add('EB004', undefined, `not an event: expected an object with event_type, data and metadata, got ${describeTop(value)}`);
        return out.findings;
    }
    const event = value;
    const missing = ['event_type', 'data', 'metadata'].filter((key) => !(key in event));
    if (missing.length > 0) {
        out.add('EB004', undefined, `not an event: missing ${missing.map((key) => `"${key}"`).join(', ')}`, { missing });
        return out.findings;
    }
    const eventType = event.event_type;
    const metadata = event.metadata;
    if (typeof eventType !== 'string') {
        out.add('EB004', out.locator.valueRange(['event_type']), `not an event: event_type must be a string, got ${describeTop(eventType)}`);
    }
    if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
        out.add('EB004', out.locator.valueRange(['metadata']), `not an event: metadata must be an object, got ${describeTop(metadata)}`);
    }
    if (out.findings.length > 0)
        return out.findings;
    const meta = metadata;
    (0, metadataRules_1.checkMetadata)(meta, context.maxRetryCount, out, context.knownStatuses);
    (0, schemaRules_1.checkSchema)(eventType, meta.schema_version, event.data, context.registry, out, context.knownEventTypes);
    (0, numberRules_1.checkUnsafeNumbers)(text, event.data, out);
    return out.findings.length > 0 ? out.findings : NO_FINDINGS;
}
function describeTop(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
//# sourceMappingURL=lineRules.js.map