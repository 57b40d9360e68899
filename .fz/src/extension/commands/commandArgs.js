"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.commandArgsOf = commandArgsOf;
function commandArgsOf(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return {};
    const record = value;
    const text = (key) => (typeof record[key] === 'string' && record[key] !== '' ? record[key] : undefined);
    const store = text('store') ?? text('storeRoot');
    const aggregateId = text('aggregateId');
    const correlationId = text('correlationId');
    const projection = text('projection');
    const toSequence = Number.isSafeInteger(record.toSequence) ? record.toSequence : undefined;
    return {
        ...(toSequence !== undefined ? { toSequence } : {}),
        ...(projection !== undefined ? { projection } : {}),
        ...(store !== undefined ? { store } : {}),
        ...(aggregateId !== undefined ? { aggregateId } : {}),
        ...(correlationId !== undefined ? { correlationId } : {}),
    };
}
//# sourceMappingURL=commandArgs.js.map