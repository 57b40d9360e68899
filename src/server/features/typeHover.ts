import { isBuiltInEventType } from '../../engine/model/eventTypes';
import type { FeatureContext } from './featureContext';
import { escapeMarkdown, paragraphs } from './markdown';

/** Hover on an event_type: its schema's title and description, its versions and how common it is in the store. */
export function describeEventType(ctx: FeatureContext, eventType: string, lineVersion?: string): string {
  const registry = ctx.registry;
  const info = registry.schemaInfo(eventType);
  const versions = registry.knownVersions(eventType);
  const newest = registry.newestVersion(eventType);
  const count = ctx.engine.index.eventTypeCounts().get(eventType) ?? 0;
  const heading = info?.title
    ? `**${escapeMarkdown(info.title)}** (${escapeMarkdown(eventType)})`
    : `**Event type** ${escapeMarkdown(eventType)}`;
  const origin = isBuiltInEventType(eventType)
    ? 'One of the 14 built-in event types.'
    : registry.hasType(eventType)
      ? 'A user-defined event type with schemas in this store.'
      : 'Not a built-in type and no schemas/ folder declares it: possibly a typo.';
  const versionLine =
    versions.length > 0
      ? `**Schema versions**: ${versions.map(escapeMarkdown).join(', ')} (newest ${escapeMarkdown(newest ?? '')})`
      : '**Schema versions**: none (data is not checked)';
  const olderNote =
    lineVersion !== undefined && newest !== undefined && lineVersion !== newest && versions.includes(lineVersion)
      ? `This event is at ${escapeMarkdown(lineVersion)}; ${registry.hasPathToNewest(eventType, lineVersion) ? 'migrations upcast it to' : 'no migration leads to'} ${escapeMarkdown(newest)}.`
      : undefined;
  return paragraphs([
    heading,
    info?.description ? escapeMarkdown(info.description) : undefined,
    origin,
    `${versionLine}  \n**Events in store**: ${count}`,
    olderNote,
    info?.file ? `Schema: ${escapeMarkdown(info.file)}` : undefined,
  ]);
}
