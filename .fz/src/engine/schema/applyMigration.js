"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.applyMigration = applyMigration;
exports.convertValue = convertValue;
const dataPath_1 = require("./dataPath");
/**
 * The event's data after the migration's operations, in file order. Works on
 * a copy (events are frozen). An operation whose source field is absent does
 * nothing: older events may simply lack optional fields.
 */
function applyMigration(migration, data) {
    // A data that is not an object or array has no fields to act on.
    if (data === null || typeof data !== 'object')
        return data;
    const copy = structuredClone(data);
    for (const operation of migration.operations)
        applyOperation(copy, operation);
    return copy;
}
function applyOperation(root, operation) {
    switch (operation.op) {
        case 'rename':
            (0, dataPath_1.renameKey)(root, operation.from, operation.to[operation.to.length - 1]);
            return;
        case 'move': {
            if (!(0, dataPath_1.hasPath)(root, operation.from))
                return;
            const value = (0, dataPath_1.getPath)(root, operation.from);
            (0, dataPath_1.removePath)(root, operation.from);
            (0, dataPath_1.setPath)(root, operation.to, value);
            return;
        }
        case 'set_default':
            if (!(0, dataPath_1.hasPath)(root, operation.path))
                (0, dataPath_1.setPath)(root, operation.path, structuredClone(operation.value));
            return;
        case 'remove':
            (0, dataPath_1.removePath)(root, operation.path);
            return;
        case 'convert': {
            if (!(0, dataPath_1.hasPath)(root, operation.path))
                return;
            const converted = convertValue((0, dataPath_1.getPath)(root, operation.path), operation.type);
            if (converted.ok)
                (0, dataPath_1.setPath)(root, operation.path, converted.value);
            return;
        }
    }
}
const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'off']);
/** string <-> number <-> boolean. null and values that do not convert are reported as not ok. */
function convertValue(value, type) {
    switch (type) {
        case 'string':
            if (typeof value === 'string')
                return { ok: true, value };
            if (typeof value === 'number' && Number.isFinite(value))
                return { ok: true, value: String(value) };
            if (typeof value === 'boolean')
                return { ok: true, value: value ? 'true' : 'false' };
            return { ok: false };
        case 'number':
            if (typeof value === 'number')
                return { ok: true, value };
            if (typeof value === 'boolean')
                return { ok: true, value: value ? 1 : 0 };
            if (typeof value === 'string' && value.trim() !== '') {
                const number = Number(value.trim());
                if (Number.isFinite(number))
                    return { ok: true, value: number };
            }
            return { ok: false };
        case 'boolean':
            if (typeof value === 'boolean')
                return { ok: true, value };
            if (typeof value === 'number')
                return { ok: true, value: value !== 0 };
            if (typeof value === 'string') {
                const word = value.trim().toLowerCase();
                if (TRUE_WORDS.has(word))
                    return { ok: true, value: true };
                if (FALSE_WORDS.has(word))
                    return { ok: true, value: false };
            }
            return { ok: false };
    }
}
//# sourceMappingURL=applyMigration.js.map