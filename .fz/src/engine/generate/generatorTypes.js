"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LINE_FAULT_KINDS = exports.EVENT_FAULT_KINDS = void 0;
/** Faults that are events (readable, but wrong); the others are lines no reader can take as an event. */
exports.EVENT_FAULT_KINDS = [
    'schema-missing-field',
    'schema-bad-enum',
    'schema-wrong-type',
    'unknown-schema-version',
    'duplicate-event-id',
    'bad-timestamp',
    'unknown-causation',
];
exports.LINE_FAULT_KINDS = ['invalid-json', 'nan-value', 'torn-last-line'];
//# sourceMappingURL=generatorTypes.js.map