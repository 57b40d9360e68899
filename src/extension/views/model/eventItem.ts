import type { EventEntry } from '../../../shared/protocol';
import { OpenEventCommand } from '../../../shared/commands';
import { eventDocumentTitle } from '../../eventDocuments/eventDocumentUri';
import type { CommandModel, IconModel, ItemModel } from './itemModel';
import { field, lines } from './markdown';
import type { EventNode } from './nodes';
import { formatEventTime, formatStepDuration } from './relativeTime';

/** How an event row reads depends on the list it is in (its type is redundant under its type). */
export type EventRowStyle = 'aggregate' | 'type' | 'causation';

export function isFailed(entry: EventEntry): boolean {
  return entry.status === 'failed';
}

export function isRetried(entry: EventEntry): boolean {
  return entry.retryCount > 0 || entry.status === 'retrying';
}

function sequenceText(entry: EventEntry): string {
  return entry.sequence === null ? '#?' : `#${entry.sequence}`;
}

/** Failed events in the error colour, retried ones in the warning colour; broken causation links and cycles stand out too. */
export function eventIcon(node: EventNode): IconModel {
  const entry = node.entry;
  if (isFailed(entry)) return { id: 'error', color: 'list.errorForeground' };
  if (node.causation?.cycle) return { id: 'sync', color: 'list.errorForeground' };
  if (node.causation?.brokenCause) return { id: 'debug-disconnect', color: 'list.warningForeground' };
  if (isRetried(entry)) return { id: 'warning', color: 'list.warningForeground' };
  return { id: 'symbol-event' };
}

/** Words the context menus match (`viewItem =~ /\breplayable\b/`). */
export function eventContextValue(node: EventNode): string {
  const words = ['event'];
  if (node.aggregateId !== undefined && node.toSequence !== undefined) words.push('replayable');
  if (node.entry.correlationId) words.push('correlated');
  return words.join(' ');
}

export function eventTooltip(node: EventNode): string {
  const e = node.entry;
  const notes: string[] = [];
  if (isFailed(e)) notes.push('**Failed**');
  if (isRetried(e)) notes.push(`**Retried** ${e.retryCount} time${e.retryCount === 1 ? '' : 's'}`);
  if (node.causation?.brokenCause) notes.push('**Broken chain:** no event in the store has its causation id');
  if (node.causation?.cycle) notes.push('**Cycle:** its causation chain leads back to itself');
  if (node.causation?.duplicateId) notes.push('**Duplicate id:** another event has the same id');
  return lines([
    `${field('Type', e.type)} ${field('Sequence', e.sequence)}`,
    ...notes,
    field('Event id', e.eventId),
    field('Aggregate', e.aggregateId),
    field('Source', e.source),
    field('Correlation', e.correlationId),
    field('Causation', e.causationId),
    field('Status', e.status),
    field('Retry count', e.retryCount),
    field('Time', e.timestamp),
    field('Schema version', e.schemaVersion),
    field('File', `${e.file}:${e.line}`),
  ]);
}

export function eventItem(node: EventNode, style: EventRowStyle, nowMs: number): ItemModel {
  const e = node.entry;
  const args: OpenEventCommand.Args = { store: node.store, eventId: e.eventId, title: eventDocumentTitle(e) };
  const open: CommandModel = { command: OpenEventCommand.id, title: 'Open Event', arguments: [args] };
  const base = {
    id: node.key,
    tooltip: { markdown: eventTooltip(node) },
    icon: eventIcon(node),
    contextValue: eventContextValue(node),
    command: open,
  };
  if (style === 'causation') {
    const step = formatStepDuration(node.causation?.sinceCauseMs ?? null);
    const where = `${e.aggregateId ?? '(no aggregate)'} ${sequenceText(e)}`;
    return {
      ...base,
      label: e.type,
      description: [step, where, node.causation?.brokenCause ? 'unknown cause' : ''].filter(Boolean).join(' · '),
      collapsible: node.causation && node.causation.children.length > 0 ? 'expanded' : 'none',
    };
  }
  const label = style === 'type' ? `${e.aggregateId ?? '(no aggregate)'} ${sequenceText(e)}` : `${sequenceText(e)} ${e.type}`;
  return { ...base, label, description: formatEventTime(e.timestampMs, nowMs), collapsible: 'none' };
}
