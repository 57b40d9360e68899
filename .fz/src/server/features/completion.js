"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.completion = completion;
const node_crypto_1 = require("node:crypto");
const vscode_languageserver_protocol_1 = require("vscode-languageserver-protocol");
const event_1 = require("../../engine/model/event");
const eventTypes_1 = require("../../engine/model/eventTypes");
const eventStatus_1 = require("../../engine/model/eventStatus");
const timestamp_1 = require("../../engine/model/timestamp");
const eventLineTokens_1 = require("./eventLineTokens");
const lineStyle_1 = require("./lineStyle");
const lspRanges_1 = require("./lspRanges");
const schemaNavigation_1 = require("./schemaNavigation");
/**
 * Completion while writing an event line: event types at event_type, the
 * envelope's keys, schema_version and status values, and inside data the
 * schema's property names (required first) and enum values. Every item
 * replaces the whole token being typed (quotes included), so accepting one
 * inside `"tra|"` leaves a well-formed string.
 */
function completion(ctx, lineText, position) {
    const token = (0, eventLineTokens_1.tokenAt)(lineText, position.character);
    const line = (0, eventLineTokens_1.parseLine)(lineText);
    const request = {
        ctx,
        token,
        line,
        style: (0, lineStyle_1.styleOfLine)(lineText),
        range: (0, lspRanges_1.rangeOnLine)(position.line, token.range ?? { start: position.character, end: position.character }),
    };
    const path = token.path;
    if (token.isAtPropertyKey) {
        if (path.length === 1)
            return keyItems(request, [], TOP_LEVEL_KEYS.map((k) => ({ name: k, value: topLevelValue(k), required: true })));
        if (path.length === 2 && path[0] === 'metadata')
            return keyItems(request, ['metadata'], metadataKeys(request));
        if (path[0] === 'data')
            return dataKeyItems(request, path.slice(1, -1));
        return [];
    }
    if (path.length === 1 && path[0] === 'event_type')
        return valueItems(request, eventTypes(ctx), vscode_languageserver_protocol_1.CompletionItemKind.Class);
    if (path.length === 2 && path[0] === 'metadata' && path[1] === 'schema_version')
        return valueItems(request, versionsOf(request), vscode_languageserver_protocol_1.CompletionItemKind.EnumMember);
    if (path.length === 2 && path[0] === 'metadata' && path[1] === 'status')
        return valueItems(request, [...eventStatus_1.EVENT_STATUSES], vscode_languageserver_protocol_1.CompletionItemKind.EnumMember);
    if (path[0] === 'data' && path.length > 1)
        return dataValueItems(request, path.slice(1));
    return [];
}
const TOP_LEVEL_KEYS = ['event_type', 'data', 'metadata'];
function topLevelValue(key) {
    return key === 'event_type' ? '' : {};
}
/** Keys already in the object at `objectPath`, except the one being typed. */
function presentKeys(request, objectPath) {
    const node = objectPath.length === 0 ? request.line.tree : (0, eventLineTokens_1.nodeAt)(request.line, objectPath);
    const keys = new Set();
    for (const property of node?.type === 'object' ? (node.children ?? []) : []) {
        const key = property.children?.[0];
        if (key && typeof key.value === 'string')
            keys.add(key.value);
    }
    const typing = request.token.value;
    if (typeof typing === 'string')
        keys.delete(typing);
    return keys;
}
function keyItems(request, objectPath, candidates) {
    const present = presentKeys(request, objectPath);
    return candidates
        .filter((c) => !present.has(c.name))
        .map((c, order) => {
        const text = `${JSON.stringify(c.name)}${(0, lineStyle_1.colonOf)(request.style)}${(0, lineStyle_1.toJson)(c.value, request.style)}`;
        return {
            label: c.name,
            kind: vscode_languageserver_protocol_1.CompletionItemKind.Property,
            ...(c.detail ? { detail: c.detail } : {}),
            ...(c.documentation ? { documentation: { kind: vscode_languageserver_protocol_1.MarkupKind.PlainText, value: c.documentation } } : {}),
            // Required first, then schema order: the order people fill an event in.
            sortText: `${c.required ? 0 : 1}${String(order).padStart(4, '0')}`,
            filterText: JSON.stringify(c.name),
            textEdit: { range: request.range, newText: text },
        };
    });
}
function valueItems(request, values, kind) {
    return values.map((value, order) => {
        const text = (0, lineStyle_1.toJson)(value, request.style);
        return {
            label: typeof value === 'string' ? value : text,
            kind,
            sortText: String(order).padStart(4, '0'),
            filterText: text,
            textEdit: { range: request.range, newText: text },
        };
    });
}
/** Built-in types, the store's declared types and the types its events use, each once. */
function eventTypes(ctx) {
    const found = new Set(eventTypes_1.BUILT_IN_EVENT_TYPES);
    for (const type of ctx.registry.types())
        if (ctx.registry.hasType(type))
            found.add(type);
    for (const type of ctx.engine.index.eventTypeCounts().keys())
        if (type)
            found.add(type);
    return [...found].sort();
}
function versionsOf(request) {
    const type = (0, eventLineTokens_1.stringAt)(request.line, ['event_type']);
    const versions = type !== undefined ? request.ctx.registry.knownVersions(type) : [];
    // Newest first: a new event should be written at the newest version.
    return versions.length > 0 ? versions.reverse() : [event_1.DEFAULT_SCHEMA_VERSION];
}
function metadataKeys(request) {
    const type = (0, eventLineTokens_1.stringAt)(request.line, ['event_type']);
    const newest = type !== undefined ? request.ctx.registry.newestVersion(type) : undefined;
    const defaults = {
        event_id: (0, node_crypto_1.randomUUID)(),
        version: event_1.DEFAULT_EVENT_VERSION,
        schema_version: newest ?? event_1.DEFAULT_SCHEMA_VERSION,
        timestamp: (0, timestamp_1.formatTimestamp)(Date.now()),
        source: '',
        correlation_id: null,
        causation_id: null,
        aggregate_id: null,
        sequence_number: 0,
        retry_count: 0,
        status: eventStatus_1.EventStatus.PENDING,
        tags: {},
    };
    return event_1.METADATA_KEYS.map((name) => ({ name, value: defaults[name] ?? null, required: true, detail: 'event metadata' }));
}
function dataSchema(request) {
    const eventType = (0, eventLineTokens_1.stringAt)(request.line, ['event_type']);
    if (eventType === undefined)
        return undefined;
    const version = (0, eventLineTokens_1.stringAt)(request.line, ['metadata', 'schema_version']);
    const root = (0, schemaNavigation_1.dataSchemaOf)(request.ctx.registry, eventType, version);
    return root ? { root, eventType, version } : undefined;
}
function dataKeyItems(request, objectSegments) {
    const schema = dataSchema(request);
    if (!schema)
        return [];
    const object = (0, schemaNavigation_1.schemaAt)(schema.root, schema.root, objectSegments);
    if (!object)
        return [];
    const candidates = (0, schemaNavigation_1.propertiesOf)(schema.root, object).map((p) => ({
        name: p.name,
        value: (0, schemaNavigation_1.placeholderFor)(schema.root, p.schema),
        required: p.required,
        detail: `${p.required ? 'required' : 'optional'} · ${schema.eventType}`,
        documentation: (0, schemaNavigation_1.describeProperty)(p.schema),
    }));
    return keyItems(request, ['data', ...objectSegments], candidates);
}
function dataValueItems(request, valueSegments) {
    const schema = dataSchema(request);
    if (!schema)
        return [];
    const node = (0, schemaNavigation_1.schemaAt)(schema.root, schema.root, valueSegments);
    return node ? valueItems(request, (0, schemaNavigation_1.allowedValuesOf)(schema.root, node), vscode_languageserver_protocol_1.CompletionItemKind.EnumMember) : [];
}
//# sourceMappingURL=completion.js.map