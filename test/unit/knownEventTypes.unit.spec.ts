import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventBus } from '../../src/engine/bus/eventBus';
import { eventTypeGate, UnknownEventTypeError } from '../../src/engine/bus/knownEventTypes';

describe('publishing what the store knows', () => {
  const gate = eventTypeGate({ schemaTypes: ['order_placed'], configTypes: ['custom_signal'] });

  it('knows built-in types, schema folders and the config\'s event_types', () => {
    for (const type of ['trade_executed', 'order_placed', 'custom_signal']) assert.equal(gate(type), undefined, type);
  });

  it('refuses anything else, listing the close matches', () => {
    const refusal = gate('trade_execute');
    assert.ok(refusal instanceof UnknownEventTypeError);
    assert.deepEqual(refusal.closeMatches.slice(0, 1), ['trade_executed']);
    assert.match(refusal.message, /unknown event type "trade_execute".*did you mean "trade_executed"/);
    assert.match(refusal.message, /--allow-new-type/);
    assert.deepEqual(gate('custom_signals')?.closeMatches, ['custom_signal']);
  });

  it('is applied by the bus before anything is numbered or stored', async () => {
    const bus = new EventBus({ config: { enable_persistence: false }, typeGate: gate });
    await assert.rejects(bus.publish('custm_signal', {}), UnknownEventTypeError);
    const ok = await bus.publish('custom_signal', {});
    assert.equal(ok.metadata.sequence_number, 1, 'the refused publish took no number');
  });
});
