"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.publish = publish;
const publishValidation_1 = require("../../engine/bus/publishValidation");
const openStoreBus_1 = require("../../engine/openStoreBus");
const publishValidator_1 = require("../../engine/schema/publishValidator");
const handlerStore_1 = require("./handlerStore");
const publishForm_1 = require("./publishForm");
const writeStore_1 = require("./writeStore");
const DEFAULT_SOURCE = 'vscode';
/**
 * One event through the bus over the session's engine, as `eventbus
 * publish` does: metadata assigned, validated against the store's schema,
 * appended durably. The bus is opened per publish and closed after it, so
 * the writer lock is held only while writing (a running Python bus or the
 * CLI can write in between). Closing catches the index up with the append,
 * so the result can say where the event landed.
 *
 * A draft the bus would refuse is refused here first, before the bus sees
 * it: the guide's bus (and `eventbus publish`) records each rejected event
 * as a permanent `system_error` event, which is right for a running
 * producer but not for a person trying data in a form. So an editor
 * publish that fails validation writes nothing at all.
 */
async function publish(store, params) {
    (0, writeStore_1.requireTrusted)(params, 'Publish');
    const eventType = (0, writeStore_1.requireText)('eventType', params.eventType, '"trade_executed"');
    if (params.data === undefined)
        throw new Error('data must be a JSON value (e.g. {"symbol": "BTCUSDT"}), got nothing');
    const options = {
        source: (0, writeStore_1.optionalText)('source', params.source) ?? DEFAULT_SOURCE,
        aggregate_id: (0, writeStore_1.optionalText)('aggregateId', params.aggregateId) ?? null,
        correlation_id: (0, writeStore_1.optionalText)('correlationId', params.correlationId) ?? null,
        causation_id: (0, writeStore_1.optionalText)('causationId', params.causationId) ?? null,
        schema_version: (0, publishForm_1.publishVersion)(store, eventType, params.schemaVersion),
    };
    const check = await (0, publishForm_1.checkPublish)(store, { store: params.store, eventType, data: params.data, schemaVersion: options.schema_version, allowNewType: params.allowNewType });
    if (check.problems.length > 0) {
        const why = check.unknownType ? 'was not published' : 'was rejected by schema validation';
        throw new Error(`${eventType} ${why}, nothing was written: ${check.problems.join('; ')}`);
    }
    const config = await (0, writeStore_1.currentConfig)(store);
    const { bus, close } = (0, openStoreBus_1.openStoreBus)(store.engine, {
        config,
        validate: (0, publishValidator_1.publishValidator)(store.registry),
        schemaTypes: (0, publishForm_1.schemaTypes)(store),
        allowNewType: params.allowNewType === true,
    });
    let event;
    try {
        event = await bus.publish(eventType, params.data, options);
    }
    catch (error) {
        if (error instanceof publishValidation_1.EventValidationError) {
            throw new Error(`${eventType} was rejected by schema validation: ${error.problems.join('; ')}`);
        }
        throw error;
    }
    finally {
        await close();
        // The Status view shows the bus the editor published through (stopped again: it lives for one publish).
        store.session.lastBusStatus = bus.getStatus();
    }
    const [ordinal] = store.engine.index.ordinalsOfEventId(event.metadata.event_id);
    return { event, entry: ordinal === undefined ? null : (0, handlerStore_1.toEventEntry)(store, store.engine.index.event(ordinal)) };
}
//# sourceMappingURL=writePublish.js.map