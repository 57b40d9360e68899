"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tokenAt = tokenAt;
exports.envelopeFieldOf = envelopeFieldOf;
exports.parseLine = parseLine;
exports.nodeAt = nodeAt;
exports.valueAt = valueAt;
exports.stringAt = stringAt;
exports.rangeOfNode = rangeOfNode;
exports.eventObjectOf = eventObjectOf;
const jsonc_parser_1 = require("jsonc-parser");
const METADATA_FIELDS = new Set([
    'event_id',
    'correlation_id',
    'causation_id',
    'aggregate_id',
    'timestamp',
    'schema_version',
    'sequence_number',
    'status',
    'source',
]);
/** What the token under `offset` is. Never throws, whatever the line holds. */
function tokenAt(lineText, offset) {
    const at = Math.max(0, Math.min(offset, lineText.length));
    const location = (0, jsonc_parser_1.getLocation)(lineText, at);
    const path = [...location.path];
    const zone = path[0] === 'data' ? 'data' : 'envelope';
    const previous = location.previousNode;
    const onToken = previous !== undefined && previous.offset <= at && at <= previous.offset + previous.length;
    const field = location.isAtPropertyKey ? undefined : envelopeFieldOf(path);
    return {
        path,
        isAtPropertyKey: location.isAtPropertyKey,
        zone,
        ...(field ? { field } : {}),
        ...(onToken ? { range: { start: previous.offset, end: previous.offset + previous.length }, value: previous.value } : {}),
    };
}
/** The envelope field a path names (`['event_type']`, `['metadata', 'event_id']`...), if any. */
function envelopeFieldOf(path) {
    if (path.length === 1 && path[0] === 'event_type')
        return 'event_type';
    if (path.length === 2 && path[0] === 'metadata' && typeof path[1] === 'string' && METADATA_FIELDS.has(path[1])) {
        return path[1];
    }
    return undefined;
}
function parseLine(lineText) {
    const errors = [];
    const tree = (0, jsonc_parser_1.parseTree)(lineText, errors, { disallowComments: true, allowTrailingComma: false });
    return { text: lineText, tree, valid: errors.length === 0 && tree !== undefined };
}
/** The node at a path of the parsed line (an object property's value), if present. */
function nodeAt(line, path) {
    return line.tree ? (0, jsonc_parser_1.findNodeAtLocation)(line.tree, [...path]) : undefined;
}
/** The value at a path, as far as the (possibly partial) line holds it. */
function valueAt(line, path) {
    const node = nodeAt(line, path);
    return node ? (0, jsonc_parser_1.getNodeValue)(node) : undefined;
}
/** The string at a path, or undefined when absent or not a string. */
function stringAt(line, path) {
    const node = nodeAt(line, path);
    return node?.type === 'string' ? node.value : undefined;
}
function rangeOfNode(node) {
    return { start: node.offset, end: node.offset + node.length };
}
/** The whole event of a valid line as a plain object, or undefined when the line is not a JSON object. */
function eventObjectOf(lineText) {
    try {
        const value = JSON.parse(lineText);
        return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=eventLineTokens.js.map