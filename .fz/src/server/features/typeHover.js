"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeEventType = describeEventType;
const eventTypes_1 = require("../../engine/model/eventTypes");
const markdown_1 = require("./markdown");
/** Hover on an event_type: its schema's title and description, its versions and how common it is in the store. */
function describeEventType(ctx, eventType, lineVersion) {
    const registry = ctx.registry;
    const info = registry.schemaInfo(eventType);
    const versions = registry.knownVersions(eventType);
    const newest = registry.newestVersion(eventType);
    const count = ctx.engine.index.eventTypeCounts().get(eventType) ?? 0;
    const heading = info?.title
        ? `**${(0, markdown_1.escapeMarkdown)(info.title)}** (${(0, markdown_1.escapeMarkdown)(eventType)})`
        : `**Event type** ${(0, markdown_1.escapeMarkdown)(eventType)}`;
    const origin = (0, eventTypes_1.isBuiltInEventType)(eventType)
        ? 'One of the 14 built-in event types.'
        : registry.hasType(eventType)
            ? 'A user-defined event type with schemas in this store.'
            : 'Not a built-in type and no schemas/ folder declares it: possibly a typo.';
    const versionLine = versions.length > 0
        ? `**Schema versions**: ${versions.map(markdown_1.escapeMarkdown).join(', ')} (newest ${(0, markdown_1.escapeMarkdown)(newest ?? '')})`
        : '**Schema versions**: none (data is not checked)';
    const olderNote = lineVersion !== undefined && newest !== undefined && lineVersion !== newest && versions.includes(lineVersion)
        ? `This event is at ${(0, markdown_1.escapeMarkdown)(lineVersion)}; ${registry.hasPathToNewest(eventType, lineVersion) ? 'migrations upcast it to' : 'no migration leads to'} ${(0, markdown_1.escapeMarkdown)(newest)}.`
        : undefined;
    return (0, markdown_1.paragraphs)([
        heading,
        info?.description ? (0, markdown_1.escapeMarkdown)(info.description) : undefined,
        origin,
        `${versionLine}  \n**Events in store**: ${count}`,
        olderNote,
        info?.file ? `Schema: ${(0, markdown_1.escapeMarkdown)(info.file)}` : undefined,
    ]);
}
//# sourceMappingURL=typeHover.js.map