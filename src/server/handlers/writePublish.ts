import { EventValidationError } from '../../engine/bus/publishValidation';
import type { Event } from '../../engine/model/event';
import { openStoreBus } from '../../engine/openStoreBus';
import { publishValidator } from '../../engine/schema/publishValidator';
import type { PublishParams, PublishResult } from '../../shared/writeProtocol';
import { toEventEntry } from './handlerStore';
import { checkPublish, publishVersion, schemaTypes } from './publishForm';
import { currentConfig, optionalText, requireText, requireTrusted, type WriteStore } from './writeStore';

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
export async function publish(store: WriteStore, params: PublishParams): Promise<PublishResult> {
  requireTrusted(params, 'Publish');
  const eventType = requireText('eventType', params.eventType, '"trade_executed"');
  if (params.data === undefined) throw new Error('data must be a JSON value (e.g. {"symbol": "BTCUSDT"}), got nothing');
  const options = {
    source: optionalText('source', params.source) ?? DEFAULT_SOURCE,
    aggregate_id: optionalText('aggregateId', params.aggregateId) ?? null,
    correlation_id: optionalText('correlationId', params.correlationId) ?? null,
    causation_id: optionalText('causationId', params.causationId) ?? null,
    schema_version: publishVersion(store, eventType, params.schemaVersion),
  };
  const check = await checkPublish(store, { store: params.store, eventType, data: params.data, schemaVersion: options.schema_version, allowNewType: params.allowNewType });
  if (check.problems.length > 0) {
    const why = check.unknownType ? 'was not published' : 'was rejected by schema validation';
    throw new Error(`${eventType} ${why}, nothing was written: ${check.problems.join('; ')}`);
  }
  const config = await currentConfig(store);
  const { bus, close } = openStoreBus(store.engine, {
    config,
    validate: publishValidator(store.registry),
    schemaTypes: schemaTypes(store),
    allowNewType: params.allowNewType === true,
  });
  let event: Event;
  try {
    event = await bus.publish(eventType, params.data, options);
  } catch (error) {
    if (error instanceof EventValidationError) {
      throw new Error(`${eventType} was rejected by schema validation: ${error.problems.join('; ')}`);
    }
    throw error;
  } finally {
    await close();
    // The Status view shows the bus the editor published through (stopped again: it lives for one publish).
    store.session.lastBusStatus = bus.getStatus();
  }
  const [ordinal] = store.engine.index.ordinalsOfEventId(event.metadata.event_id);
  return { event, entry: ordinal === undefined ? null : toEventEntry(store, store.engine.index.event(ordinal)) };
}
