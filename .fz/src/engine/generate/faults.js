"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.planFaults = planFaults;
exports.faultEventType = faultEventType;
exports.applyEventFault = applyEventFault;
exports.applyLineFault = applyLineFault;
const eventTypes_1 = require("../model/eventTypes");
/** Spread across the store, so every file kind of reader meets them. Two of each schema violation. */
const ORDER = [
    'schema-missing-field',
    'invalid-json',
    'schema-bad-enum',
    'duplicate-event-id',
    'schema-wrong-type',
    'nan-value',
    'bad-timestamp',
    'unknown-schema-version',
    'unknown-causation',
    'schema-missing-field',
    'schema-bad-enum',
    'schema-wrong-type',
];
/** Faults at distinct positions spread evenly; fewer when the store is too small to hold them all. */
function planFaults(events) {
    const plan = [];
    let last = -1;
    ORDER.forEach((kind, k) => {
        const position = Math.max(last + 1, Math.floor((events * (k + 1)) / (ORDER.length + 1)));
        // duplicate-event-id needs an event before it to copy the id from.
        if (position >= events || (kind === 'duplicate-event-id' && position === 0))
            return;
        plan.push({ position, kind });
        last = position;
    });
    return plan;
}
/** The event type an event fault is written as (its data must have the field the fault breaks). */
function faultEventType(kind) {
    switch (kind) {
        case 'schema-missing-field':
        case 'schema-bad-enum':
            return eventTypes_1.EventType.TRADE_EXECUTED;
        case 'unknown-schema-version':
            return eventTypes_1.EventType.RISK_ALERT;
        case 'bad-timestamp':
        case 'unknown-causation':
            return eventTypes_1.EventType.SYSTEM_HEALTH_CHECK;
        default:
            return eventTypes_1.EventType.MARKET_DATA_RECEIVED;
    }
}
/** Breaks one event as the fault says; returns what is wrong, in words. */
function applyEventFault(kind, parts, inputs) {
    const k = inputs.style.colon;
    switch (kind) {
        case 'schema-missing-field':
            parts.data = parts.data.replace(/"price": ?[^,]+, ?/, '');
            return 'trade_executed without the required "price"';
        case 'schema-bad-enum':
            parts.data = parts.data.replace(/"side": ?"(buy|sell)"/, `"side"${k}"hold"`);
            return 'trade_executed with side "hold" (expected buy or sell)';
        case 'schema-wrong-type':
            parts.data = parts.data.replace(/"price": ?([-0-9.e+]+)/, `"price"${k}"$1"`);
            return 'market_data_received with price as a string';
        case 'unknown-schema-version':
            parts.schemaVersion = '2.0';
            return 'risk_alert with schema_version 2.0, for which no schema exists';
        case 'duplicate-event-id':
            parts.eventId = inputs.previousEventId;
            return `event_id ${inputs.previousEventId} used by the event before too`;
        case 'bad-timestamp':
            parts.timestamp = parts.timestamp.replace(/T\d\d:/, 'T25:');
            return `timestamp "${parts.timestamp}" has hour 25`;
        case 'unknown-causation':
            parts.correlation = `"${inputs.strayId}"`;
            parts.causation = `"${inputs.strayId}"`;
            return `causation_id ${inputs.strayId} names no event in the store`;
        default:
            throw new Error(`${kind} is not an event fault`);
    }
}
/** Turns a complete line into the broken line the fault leaves. */
function applyLineFault(kind, line, style) {
    switch (kind) {
        case 'invalid-json':
        case 'torn-last-line':
            return {
                line: line.slice(0, Math.floor(line.length / 2)),
                detail: kind === 'invalid-json' ? 'half a line, as a crash mid-write leaves it, followed by later events' : 'the last line stops mid-event, with no line end',
            };
        case 'nan-value':
            return {
                line: line.replace(/"price": ?[-0-9.e+]+/, `"price"${style.colon}NaN`),
                detail: 'price is NaN (Python json.dumps writes it; it is not JSON)',
            };
        default:
            throw new Error(`${kind} is not a line fault`);
    }
}
//# sourceMappingURL=faults.js.map