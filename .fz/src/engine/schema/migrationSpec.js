"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SchemaFileError = exports.CONVERT_TYPES = void 0;
exports.parseMigrationFileName = parseMigrationFileName;
exports.parseMigration = parseMigration;
const jsonPosition_1 = require("./jsonPosition");
const dataPath_1 = require("./dataPath");
const versionOrder_1 = require("./versionOrder");
const describeValue_1 = require("./describeValue");
exports.CONVERT_TYPES = ['string', 'number', 'boolean'];
/** A schema or migration file that cannot be used; the message lists `file:line:col: what is wrong`. */
class SchemaFileError extends Error {
    problems;
    constructor(problems) {
        super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
        this.problems = problems;
        this.name = 'SchemaFileError';
    }
}
exports.SchemaFileError = SchemaFileError;
const MIGRATION_FILE = /^(.+)-to-(.+)\.migration\.json$/;
/** `1.0-to-1.1.migration.json` -> versions, or null when the name is not a migration file name. */
function parseMigrationFileName(name) {
    const match = MIGRATION_FILE.exec(name);
    return match ? { from: match[1], to: match[2] } : null;
}
const OPERATION_FIELDS = {
    rename: ['from', 'to'],
    move: ['from', 'to'],
    set_default: ['path', 'value'],
    remove: ['path'],
    convert: ['path', 'type'],
};
/**
 * Reads a migration file's text. Everything wrong is collected (not just the
 * first problem) and thrown as one SchemaFileError naming file and line.
 */
function parseMigration(text, file, eventType, from, to) {
    const positions = new jsonPosition_1.JsonFilePositions(text);
    const problems = [];
    const problem = (path, message) => {
        problems.push({ file, ...positions.keyPosition(path), message });
    };
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        const first = positions.syntaxErrors[0] ?? { line: 1, column: 1, message: 'invalid JSON' };
        throw new SchemaFileError([{ file, line: first.line, column: first.column, message: `invalid JSON: ${first.message}` }]);
    }
    if ((0, versionOrder_1.compareVersions)(from, to) >= 0) {
        problems.push({ file, line: 1, column: 1, message: `a migration must go to a newer version, but "${to}" is not newer than "${from}"` });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new SchemaFileError([...problems, { file, line: 1, column: 1, message: 'expected an object with "operations"' }]);
    }
    const body = value;
    for (const key of Object.keys(body)) {
        if (!['$schema', 'description', 'operations'].includes(key)) {
            problem([key], `unknown key "${key}" (expected "description" or "operations")`);
        }
    }
    if (body.description !== undefined && typeof body.description !== 'string') {
        problem(['description'], `"description" must be a string, got ${(0, describeValue_1.kindOf)(body.description)}`);
    }
    const operations = [];
    if (!Array.isArray(body.operations)) {
        problem(body.operations === undefined ? [] : ['operations'], `"operations" must be an array, got ${(0, describeValue_1.kindOf)(body.operations)}`);
    }
    else {
        body.operations.forEach((raw, index) => {
            const operation = parseOperation(raw, (message) => problem(['operations', index], `operations[${index}]: ${message}`));
            if (operation)
                operations.push(operation);
        });
    }
    if (problems.length > 0)
        throw new SchemaFileError(problems.sort((a, b) => a.line - b.line || a.column - b.column));
    return {
        eventType,
        from,
        to,
        operations,
        file,
        ...(typeof body.description === 'string' ? { description: body.description } : {}),
    };
}
function parseOperation(raw, fail) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        fail(`expected an object like {"op": "rename", "from": "a", "to": "b"}, got ${(0, describeValue_1.kindOf)(raw)}`);
        return undefined;
    }
    const fields = raw;
    const op = fields.op;
    if (typeof op !== 'string' || !Object.prototype.hasOwnProperty.call(OPERATION_FIELDS, op)) {
        fail(`"op" must be one of ${Object.keys(OPERATION_FIELDS).join(', ')}, got ${typeof op === 'string' ? `"${op}"` : (0, describeValue_1.kindOf)(op)}`);
        return undefined;
    }
    const kind = op;
    const expected = OPERATION_FIELDS[kind];
    let ok = true;
    for (const key of Object.keys(fields)) {
        if (key !== 'op' && !expected.includes(key)) {
            fail(`"${kind}" takes ${expected.map((f) => `"${f}"`).join(' and ')}, not "${key}"`);
            ok = false;
        }
    }
    for (const key of expected) {
        if (!(key in fields)) {
            fail(`"${kind}" needs "${key}"`);
            ok = false;
        }
    }
    if (!ok)
        return undefined;
    const path = (key) => {
        const text = fields[key];
        if (typeof text !== 'string') {
            fail(`"${key}" must be a path string (dot path or JSON Pointer), got ${(0, describeValue_1.kindOf)(text)}`);
            return undefined;
        }
        const parsed = (0, dataPath_1.parseDataPath)(text);
        if ('error' in parsed) {
            fail(`"${key}": ${parsed.error}`);
            return undefined;
        }
        return parsed;
    };
    switch (kind) {
        case 'rename':
        case 'move': {
            const from = path('from');
            const to = path('to');
            if (!from || !to)
                return undefined;
            if (kind === 'rename' && (0, dataPath_1.formatDataPath)(from.slice(0, -1)) !== (0, dataPath_1.formatDataPath)(to.slice(0, -1))) {
                fail(`"rename" keeps a field in the same object ("${(0, dataPath_1.formatDataPath)(from)}" -> "${(0, dataPath_1.formatDataPath)(to)}" changes parent); use "move"`);
                return undefined;
            }
            return { op: kind, from, to };
        }
        case 'set_default': {
            const target = path('path');
            return target ? { op: 'set_default', path: target, value: fields.value } : undefined;
        }
        case 'remove': {
            const target = path('path');
            return target ? { op: 'remove', path: target } : undefined;
        }
        case 'convert': {
            const target = path('path');
            const type = fields.type;
            if (typeof type !== 'string' || !exports.CONVERT_TYPES.includes(type)) {
                fail(`"type" must be one of ${exports.CONVERT_TYPES.join(', ')}, got ${typeof type === 'string' ? `"${type}"` : (0, describeValue_1.kindOf)(type)}`);
                return undefined;
            }
            return target ? { op: 'convert', path: target, type: type } : undefined;
        }
    }
}
//# sourceMappingURL=migrationSpec.js.map