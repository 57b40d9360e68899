"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.upcastFix = upcastFix;
exports.missingFieldFixes = missingFieldFixes;
exports.duplicateIdFix = duplicateIdFix;
const node_crypto_1 = require("node:crypto");
const vscode_languageserver_protocol_1 = require("vscode-languageserver-protocol");
const eventLineTokens_1 = require("./eventLineTokens");
const lineStyle_1 = require("./lineStyle");
const lspRanges_1 = require("./lspRanges");
const schemaNavigation_1 = require("./schemaNavigation");
function fix(target, title, edit, preferred) {
    return {
        title,
        kind: vscode_languageserver_protocol_1.CodeActionKind.QuickFix,
        diagnostics: [target.diagnostic],
        isPreferred: preferred,
        edit: { changes: { [target.uri]: [edit] } },
    };
}
function asEvent(value) {
    if (!value || typeof value.event_type !== 'string')
        return undefined;
    const meta = value.metadata;
    if (meta === null || typeof meta !== 'object' || Array.isArray(meta))
        return undefined;
    if (typeof meta.schema_version !== 'string')
        return undefined;
    return value;
}
/** EB012: rewrite the line as the event upcast to the newest schema_version, keeping the line's JSON style. */
function upcastFix(target) {
    const parsed = (0, eventLineTokens_1.eventObjectOf)(target.lineText);
    const event = asEvent(parsed);
    if (!parsed || !event)
        return undefined;
    let upcast;
    try {
        upcast = target.ctx.registry.upcast(event);
    }
    catch {
        return undefined; // a failing migration: the diagnostic stays, with no fix to offer
    }
    if (upcast === event)
        return undefined;
    const { event_type: _type, data: _data, metadata: _metadata, ...extra } = parsed;
    // The envelope order every writer uses; unknown top-level keys are kept after it rather than lost.
    const ordered = { event_type: upcast.event_type, data: upcast.data, metadata: upcast.metadata, ...extra };
    const newText = (0, lineStyle_1.toJson)(ordered, (0, lineStyle_1.styleOfLine)(target.lineText));
    const to = upcast.metadata.schema_version;
    return fix(target, `Upcast ${event.event_type} from ${event.metadata.schema_version} to ${to}`, { range: (0, lspRanges_1.wholeLine)(target.line, target.lineText), newText }, true);
}
function missingProperties(target, event) {
    const facts = (target.diagnostic.data ?? {});
    if (facts.keyword !== undefined && facts.keyword !== 'required')
        return [];
    const named = typeof facts.missingProperty === 'string' ? facts.missingProperty : /missing required property "([^"]+)"/.exec(messageOf(target.diagnostic))?.[1];
    const found = [];
    for (const violation of target.ctx.registry.validateData(event.event_type, event.metadata.schema_version, event.data)) {
        if (violation.keyword !== 'required')
            continue;
        if (typeof facts.instancePath === 'string' && facts.instancePath !== violation.instancePath)
            continue;
        const name = String(violation.params.missingProperty);
        if (named !== undefined && named !== name)
            continue;
        const segments = violation.instancePath
            .split('/')
            .slice(1)
            .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
            .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        found.push({ segments, name });
    }
    return found;
}
function messageOf(diagnostic) {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
/** EB009 (missing required property): insert the property with its schema default, or a placeholder of its type. */
function missingFieldFixes(target) {
    const event = asEvent((0, eventLineTokens_1.eventObjectOf)(target.lineText));
    if (!event)
        return [];
    const root = (0, schemaNavigation_1.dataSchemaOf)(target.ctx.registry, event.event_type, event.metadata.schema_version);
    const line = (0, eventLineTokens_1.parseLine)(target.lineText);
    const style = (0, lineStyle_1.styleOfLine)(target.lineText);
    const actions = [];
    for (const missing of missingProperties(target, event)) {
        const object = (0, eventLineTokens_1.nodeAt)(line, ['data', ...missing.segments]);
        if (object?.type !== 'object')
            continue;
        const propertySchema = root ? (0, schemaNavigation_1.schemaAt)(root, root, [...missing.segments, missing.name]) : undefined;
        const value = root && propertySchema ? (0, schemaNavigation_1.placeholderFor)(root, propertySchema) : null;
        const member = `${JSON.stringify(missing.name)}${(0, lineStyle_1.colonOf)(style)}${(0, lineStyle_1.toJson)(value, style)}`;
        const closing = object.offset + object.length - 1;
        const newText = (object.children?.length ?? 0) > 0 ? `${(0, lineStyle_1.commaOf)(style)}${member}` : member;
        const edit = { range: (0, lspRanges_1.rangeOnLine)(target.line, { start: closing, end: closing }), newText };
        actions.push(fix(target, `Add missing property "${missing.name}" (${(0, lineStyle_1.toJson)(value, 'compact')})`, edit, true));
    }
    return actions;
}
/** EB013: give the event a fresh event_id (the earlier event keeps the old one). */
function duplicateIdFix(target) {
    const node = (0, eventLineTokens_1.nodeAt)((0, eventLineTokens_1.parseLine)(target.lineText), ['metadata', 'event_id']);
    if (node?.type !== 'string')
        return undefined;
    const edit = { range: (0, lspRanges_1.rangeOnLine)(target.line, (0, eventLineTokens_1.rangeOfNode)(node)), newText: JSON.stringify((0, node_crypto_1.randomUUID)()) };
    return fix(target, 'Replace duplicate event_id with a new UUID', edit, true);
}
//# sourceMappingURL=quickFixes.js.map