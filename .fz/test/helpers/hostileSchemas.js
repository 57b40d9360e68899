"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.BROKEN_TYPES = exports.REDOS_VALUE = exports.REDOS_TYPE = void 0;
exports.writeSchema = writeSchema;
exports.writeRedosSchema = writeRedosSchema;
exports.writeBrokenSchemas = writeBrokenSchemas;
exports.writeEvents = writeEvents;
/**
 * Schemas a careless or hostile user may put in a store: one whose pattern
 * backtracks catastrophically in a backtracking engine, and three that
 * cannot be used at all (invalid JSON, an unresolvable $ref, a remote $ref).
 */
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const event_1 = require("../../src/engine/model/event");
exports.REDOS_TYPE = 'redos_checked';
/** 34 a's and a "!": about 2^34 backtracking steps for "^(a+)+$" in JavaScript's engine. */
exports.REDOS_VALUE = `${'a'.repeat(34)}!`;
exports.BROKEN_TYPES = { invalidJson: 'broken_json', unresolvedRef: 'broken_ref', remoteRef: 'remote_ref' };
function writeSchema(store, type, content) {
    const relative = `schemas/${type}/1.0.schema.json`;
    const file = path.join(store, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return relative;
}
function writeRedosSchema(store) {
    return writeSchema(store, exports.REDOS_TYPE, { type: 'object', properties: { name: { type: 'string', pattern: '^(a+)+$' } } });
}
function writeBrokenSchemas(store) {
    return {
        invalidJson: writeSchema(store, exports.BROKEN_TYPES.invalidJson, '{\n  "type": "object",\n  "properties": {\n'),
        unresolvedRef: writeSchema(store, exports.BROKEN_TYPES.unresolvedRef, { type: 'object', properties: { a: { $ref: '#/definitions/missing' } } }),
        remoteRef: writeSchema(store, exports.BROKEN_TYPES.remoteRef, { type: 'object', properties: { a: { $ref: 'https://schemas.example.invalid/a.json' } } }),
    };
}
/** Event lines of the given types, each with `data`, one per line, into events/events_2026-01-01.jsonl. */
function writeEvents(store, events) {
    const relative = 'events/events_2026-01-01.jsonl';
    const file = path.join(store, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const lines = events.map(({ type, data }, i) => (0, event_1.serializeEvent)((0, event_1.createEvent)(type, data, {
        source: 'test',
        aggregate_id: 'agg_1',
        sequence_number: i + 1,
        timestamp: `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`,
    })));
    fs.appendFileSync(file, lines.join('\n') + '\n');
    return relative;
}
//# sourceMappingURL=hostileSchemas.js.map