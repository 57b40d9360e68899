"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const eventBus_1 = require("../../src/engine/bus/eventBus");
const knownEventTypes_1 = require("../../src/engine/bus/knownEventTypes");
(0, node_test_1.describe)('publishing what the store knows', () => {
    const gate = (0, knownEventTypes_1.eventTypeGate)({ schemaTypes: ['order_placed'], configTypes: ['custom_signal'] });
    (0, node_test_1.it)('knows built-in types, schema folders and the config\'s event_types', () => {
        for (const type of ['trade_executed', 'order_placed', 'custom_signal'])
            strict_1.default.equal(gate(type), undefined, type);
    });
    (0, node_test_1.it)('refuses anything else, listing the close matches', () => {
        const refusal = gate('trade_execute');
        strict_1.default.ok(refusal instanceof knownEventTypes_1.UnknownEventTypeError);
        strict_1.default.deepEqual(refusal.closeMatches.slice(0, 1), ['trade_executed']);
        strict_1.default.match(refusal.message, /unknown event type "trade_execute".*did you mean "trade_executed"/);
        strict_1.default.match(refusal.message, /--allow-new-type/);
        strict_1.default.deepEqual(gate('custom_signals')?.closeMatches, ['custom_signal']);
    });
    (0, node_test_1.it)('is applied by the bus before anything is numbered or stored', async () => {
        const bus = new eventBus_1.EventBus({ config: { enable_persistence: false }, typeGate: gate });
        await strict_1.default.rejects(bus.publish('custm_signal', {}), knownEventTypes_1.UnknownEventTypeError);
        const ok = await bus.publish('custom_signal', {});
        strict_1.default.equal(ok.metadata.sequence_number, 1, 'the refused publish took no number');
    });
});
//# sourceMappingURL=knownEventTypes.unit.spec.js.map