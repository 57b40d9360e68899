"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.UUID_FORMAT = exports.TIMESTAMP_FORMAT = void 0;
exports.dialectOf = dialectOf;
exports.compileUserSchema = compileUserSchema;
exports.createAjv = createAjv;
const ajv_1 = __importDefault(require("ajv"));
const _2019_1 = __importDefault(require("ajv/dist/2019"));
const _2020_1 = __importDefault(require("ajv/dist/2020"));
const ajv_formats_1 = __importDefault(require("ajv-formats"));
const ids_1 = require("../model/ids");
const linearRegExp_1 = require("./linearRegExp");
const timestamp_1 = require("../model/timestamp");
/**
 * Formats of our own, usable in user schemas too. `date-time` from
 * ajv-formats rejects the naive timestamps Python's isoformat() writes, so
 * the envelope uses `event-timestamp` (anything model/timestamp.ts parses).
 */
exports.TIMESTAMP_FORMAT = 'event-timestamp';
exports.UUID_FORMAT = 'event-uuid';
// User schemas are written by hand, so unknown keywords are tolerated
// (strict off) and every error is reported (allErrors), not just the first.
// Their patterns run on a linear-time engine: a schema must not hang validation.
const USER_OPTIONS = { strict: false, allErrors: true, code: { regExp: linearRegExp_1.linearRegExp } };
/** The dialect a schema's `$schema` asks for, or an error text when ajv cannot do it. */
function dialectOf(schema) {
    const declared = schema !== null && typeof schema === 'object' && typeof schema.$schema === 'string'
        ? (schema.$schema)
        : undefined;
    if (declared === undefined || /draft-07/.test(declared))
        return 'draft-07';
    if (/2020-12/.test(declared))
        return '2020-12';
    if (/2019-09/.test(declared))
        return '2019-09';
    return { unsupported: `$schema "${declared}" is not supported (use draft-07, 2019-09 or 2020-12)` };
}
const shared = new Map();
/**
 * Compiles a user schema. One ajv per dialect is shared, since an instance's
 * first compile costs tens of milliseconds (it compiles the meta-schema) and
 * later ones well under one. Two files may declare the same `$id` (copied
 * from version to version), which one instance refuses: such a file gets
 * an instance of its own.
 */
function compileUserSchema(schema, dialect, trusted = false) {
    const key = `${dialect}${trusted ? ':trusted' : ''}`;
    let ajv = shared.get(key);
    if (!ajv) {
        ajv = createAjv(dialect, trusted);
        shared.set(key, ajv);
    }
    try {
        return ajv.compile(schema);
    }
    catch (error) {
        if (!/already exists/.test(error.message))
            throw error;
        return createAjv(dialect, trusted).compile(schema);
    }
}
/**
 * A fresh ajv with our formats. `trusted` skips checking schemas against
 * their meta-schema (half the start-up of a worker thread): only for schemas
 * another thread has already compiled and checked.
 */
function createAjv(dialect = 'draft-07', trusted = false) {
    const options = trusted ? { ...USER_OPTIONS, validateSchema: false } : USER_OPTIONS;
    const ajv = dialect === '2020-12' ? new _2020_1.default(options) : dialect === '2019-09' ? new _2019_1.default(options) : new ajv_1.default(options);
    (0, ajv_formats_1.default)(ajv);
    ajv.addFormat(exports.TIMESTAMP_FORMAT, { type: 'string', validate: (text) => !Number.isNaN((0, timestamp_1.parseTimestamp)(text)) });
    ajv.addFormat(exports.UUID_FORMAT, { type: 'string', validate: ids_1.isUuid });
    return ajv;
}
//# sourceMappingURL=ajvFactory.js.map