"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkSchema = checkSchema;
const eventTypes_1 = require("../model/eventTypes");
const lineLocator_1 = require("../store/lineLocator");
/**
 * EB009-EB012: the event's data against its (type, schema_version) in the
 * store's schemas. A built-in type without a schema folder is simply not
 * checked; an unknown type without one is a probable typo (EB011).
 */
function checkSchema(eventType, schemaVersion, data, registry, out, 
/** The store's own types (eventbus.config.json `event_types`). */
storeTypes) {
    if (!registry || !registry.hasType(eventType)) {
        if (!(0, eventTypes_1.isBuiltInEventType)(eventType) && !storeTypes?.has(eventType)) {
            out.add('EB011', out.locator.valueRange(['event_type']), `unknown event type "${eventType}": not one of the 14 built-in types, no schemas/${eventType}/ folder and not in event_types of eventbus.config.json`, { eventType });
        }
        return;
    }
    if (typeof schemaVersion !== 'string')
        return; // EB005/EB006 already say so
    const broken = registry.brokenSchema(eventType, schemaVersion);
    if (broken) {
        out.add('EB023', out.locator.knownValueRange(['metadata', 'schema_version']), `not checked: schema broken (${broken.file}: ${broken.reason})`, {
            eventType,
            schemaVersion,
            schemaFile: broken.file,
        });
        return;
    }
    if (!registry.isKnownVersion(eventType, schemaVersion)) {
        const known = registry.knownVersions(eventType);
        // An empty schemas/<type>/ folder declares the type without constraining it.
        if (known.length === 0)
            return;
        out.add('EB010', out.locator.knownValueRange(['metadata', 'schema_version']), `unknown schema_version "${schemaVersion}" for ${eventType} (known: ${known.join(', ')})`, { eventType, schemaVersion, knownVersions: known });
        return;
    }
    for (const violation of registry.validateData(eventType, schemaVersion, data)) {
        const { range, message } = describeViolation(violation, out);
        out.add('EB009', range, `${message} (schema ${eventType} ${schemaVersion})`, {
            instancePath: violation.instancePath,
            keyword: violation.keyword,
        });
    }
    const newest = registry.newestVersion(eventType);
    if (newest !== undefined && newest !== schemaVersion) {
        const path = registry.upcastPath(eventType, schemaVersion);
        if (path) {
            const chain = [schemaVersion, ...path.map((step) => step.to)].join(' -> ');
            out.add('EB012', out.locator.knownValueRange(['metadata', 'schema_version']), `schema_version ${schemaVersion} is older than ${newest}; upcast on read (${chain})`, { eventType, schemaVersion, newestVersion: newest });
        }
    }
}
/** Where a violation points and how to say it: the offending value, or the key for missing/extra properties. */
function describeViolation(violation, out) {
    const segments = (0, lineLocator_1.pointerSegments)(violation.instancePath);
    const where = (0, lineLocator_1.describePath)('data', segments);
    const params = violation.params;
    switch (violation.keyword) {
        case 'required':
            return {
                range: out.locator.keyRange(['data', ...segments]),
                message: `${where} is missing required property "${String(params.missingProperty)}"`,
            };
        case 'additionalProperties': {
            const extra = String(params.additionalProperty);
            return {
                range: out.locator.keyRange(['data', ...segments, extra]),
                message: `${where} has property "${extra}", which the schema does not allow`,
            };
        }
        case 'enum':
            return {
                range: out.locator.valueRange(['data', ...segments]),
                message: `${where} must be one of ${params.allowedValues?.map((v) => JSON.stringify(v)).join(', ') ?? 'the allowed values'}`,
            };
        default:
            return { range: out.locator.valueRange(['data', ...segments]), message: `${where} ${violation.message}` };
    }
}
//# sourceMappingURL=schemaRules.js.map