"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.publishVersion = publishVersion;
exports.checkPublish = checkPublish;
exports.publishTemplate = publishTemplate;
exports.schemaTypes = schemaTypes;
const publishValidation_1 = require("../../engine/bus/publishValidation");
const knownEventTypes_1 = require("../../engine/bus/knownEventTypes");
const publishValidator_1 = require("../../engine/schema/publishValidator");
const schemaTemplate_1 = require("../../engine/schema/schemaTemplate");
const writeStore_1 = require("./writeStore");
/** The version a publish of `eventType` gets: the one asked for, else the store's newest schema, else 1.0 (as `eventbus publish`). */
function publishVersion(store, eventType, asked) {
    return (0, writeStore_1.optionalText)('schemaVersion', asked) ?? store.registry.newestVersion(eventType) ?? '1.0';
}
/**
 * What the bus would refuse for this draft, checked the way it checks
 * (the type gate, the envelope basics, the schema through the same
 * validator), but without a bus: nothing is numbered, appended or
 * recorded as a system_error. The form asks as the user types; the
 * editor's publish asks before it hands a draft to the bus.
 */
async function checkPublish(store, params) {
    const eventType = (0, writeStore_1.requireText)('eventType', params.eventType, '"trade_executed"');
    const schemaVersion = publishVersion(store, eventType, params.schemaVersion);
    const config = await (0, writeStore_1.currentConfig)(store);
    if (params.allowNewType !== true) {
        const refusal = (0, knownEventTypes_1.eventTypeGate)({ schemaTypes: schemaTypes(store), configTypes: config.event_types })(eventType);
        if (refusal)
            return { schemaVersion, problems: [unknownTypeMessage(eventType, refusal.closeMatches)], unknownType: true };
    }
    if (!config.schema_validation)
        return { schemaVersion, problems: [] };
    const problems = [...((0, publishValidation_1.envelopeProblems)(eventType, params.data, { schema_version: schemaVersion }) ?? [])];
    const draft = { event_type: eventType, data: params.data, metadata: { schema_version: schemaVersion } };
    const verdict = (0, publishValidator_1.publishValidator)(store.registry)(draft);
    if (!verdict.valid)
        problems.push(...(verdict.errors.length > 0 ? verdict.errors : ['invalid by its schema']));
    return { schemaVersion, problems };
}
/** The form's type list and a type's data template from its newest schema. */
async function publishTemplate(store, params) {
    const config = await (0, writeStore_1.currentConfig)(store);
    const knownTypes = (0, knownEventTypes_1.knownEventTypes)({ schemaTypes: schemaTypes(store), configTypes: config.event_types });
    const eventType = typeof params.eventType === 'string' ? params.eventType : '';
    const version = eventType === '' ? undefined : store.registry.newestVersion(eventType);
    const schema = version === undefined ? undefined : store.registry.schemaOf(eventType, version);
    const info = version === undefined ? undefined : store.registry.schemaInfo(eventType, version);
    return {
        knownTypes,
        schemaVersion: schema === undefined ? null : (version ?? null),
        schemaFile: info?.file ?? null,
        template: schema === undefined ? {} : (0, schemaTemplate_1.templateFromSchema)(schema),
        required: (0, schemaTemplate_1.requiredProperties)(schema),
    };
}
function schemaTypes(store) {
    return store.registry.types().filter((t) => store.registry.hasType(t));
}
/** The gate's refusal, without the CLI's flag: the editor has no --allow-new-type. */
function unknownTypeMessage(eventType, closeMatches) {
    const hint = closeMatches.length > 0 ? ` Did you mean ${closeMatches.map((m) => `"${m}"`).join(', ')}?` : '';
    return `"${eventType}" is not an event type this store knows (built-in types, its schemas folder, "event_types" in eventbus.config.json).${hint} To publish a new type, add it to "event_types" first.`;
}
//# sourceMappingURL=publishForm.js.map