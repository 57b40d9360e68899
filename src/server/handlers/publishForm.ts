import { envelopeProblems } from '../../engine/bus/publishValidation';
import { knownEventTypes, eventTypeGate } from '../../engine/bus/knownEventTypes';
import type { Event } from '../../engine/model/event';
import { publishValidator } from '../../engine/schema/publishValidator';
import { requiredProperties, templateFromSchema } from '../../engine/schema/schemaTemplate';
import type { PublishCheckParams, PublishCheckResult, PublishTemplateParams, PublishTemplateResult } from '../../shared/writeProtocol';
import { currentConfig, optionalText, requireText, type WriteStore } from './writeStore';

/** The version a publish of `eventType` gets: the one asked for, else the store's newest schema, else 1.0 (as `eventbus publish`). */
export function publishVersion(store: WriteStore, eventType: string, asked: unknown): string {
  return optionalText('schemaVersion', asked) ?? store.registry.newestVersion(eventType) ?? '1.0';
}

/**
 * What the bus would refuse for this draft, checked the way it checks
 * (the type gate, the envelope basics, the schema through the same
 * validator), but without a bus: nothing is numbered, appended or
 * recorded as a system_error. The form asks as the user types; the
 * editor's publish asks before it hands a draft to the bus.
 */
export async function checkPublish(store: WriteStore, params: PublishCheckParams): Promise<PublishCheckResult> {
  const eventType = requireText('eventType', params.eventType, '"trade_executed"');
  const schemaVersion = publishVersion(store, eventType, params.schemaVersion);
  const config = await currentConfig(store);
  if (params.allowNewType !== true) {
    const refusal = eventTypeGate({ schemaTypes: schemaTypes(store), configTypes: config.event_types })(eventType);
    if (refusal) return { schemaVersion, problems: [unknownTypeMessage(eventType, refusal.closeMatches)], unknownType: true };
  }
  if (!config.schema_validation) return { schemaVersion, problems: [] };
  const problems = [...(envelopeProblems(eventType, params.data, { schema_version: schemaVersion }) ?? [])];
  const draft = { event_type: eventType, data: params.data, metadata: { schema_version: schemaVersion } } as unknown as Event;
  const verdict = publishValidator(store.registry)(draft);
  if (!verdict.valid) problems.push(...(verdict.errors.length > 0 ? verdict.errors : ['invalid by its schema']));
  return { schemaVersion, problems };
}

/** The form's type list and a type's data template from its newest schema. */
export async function publishTemplate(store: WriteStore, params: PublishTemplateParams): Promise<PublishTemplateResult> {
  const config = await currentConfig(store);
  const knownTypes = knownEventTypes({ schemaTypes: schemaTypes(store), configTypes: config.event_types });
  const eventType = typeof params.eventType === 'string' ? params.eventType : '';
  const version = eventType === '' ? undefined : store.registry.newestVersion(eventType);
  const schema = version === undefined ? undefined : store.registry.schemaOf(eventType, version);
  const info = version === undefined ? undefined : store.registry.schemaInfo(eventType, version);
  return {
    knownTypes,
    schemaVersion: schema === undefined ? null : (version ?? null),
    schemaFile: info?.file ?? null,
    template: schema === undefined ? {} : templateFromSchema(schema),
    required: requiredProperties(schema),
  };
}

export function schemaTypes(store: WriteStore): string[] {
  return store.registry.types().filter((t) => store.registry.hasType(t));
}

/** The gate's refusal, without the CLI's flag: the editor has no --allow-new-type. */
function unknownTypeMessage(eventType: string, closeMatches: readonly string[]): string {
  const hint = closeMatches.length > 0 ? ` Did you mean ${closeMatches.map((m) => `"${m}"`).join(', ')}?` : '';
  return `"${eventType}" is not an event type this store knows (built-in types, its schemas folder, "event_types" in eventbus.config.json).${hint} To publish a new type, add it to "event_types" first.`;
}
