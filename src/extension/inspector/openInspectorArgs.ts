import type { OpenInspectorCommand } from '../../shared/commands';
import type { InspectorSubject } from '../../shared/webviewProtocol';

/**
 * `eventbus.openInspector`'s argument when another part of the extension
 * calls it (OpenInspectorCommand.Args). Tree items pass objects of their
 * own, so anything with a string `aggregateId` and `store` is taken (and
 * `sequence`, or an event row's `toSequence`, is read as `atSequence`).
 * Without a store it is not an argument: the command asks which store.
 */
export type OpenInspectorArgs = OpenInspectorCommand.Args;

export function parseOpenInspectorArgs(value: unknown): OpenInspectorArgs | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.aggregateId !== 'string' || record.aggregateId === '') return undefined;
  if (typeof record.store !== 'string' || record.store === '') return undefined;
  const sequence = record.atSequence ?? record.sequence ?? record.toSequence;
  return {
    aggregateId: record.aggregateId,
    store: record.store,
    ...(typeof sequence === 'number' && Number.isSafeInteger(sequence) ? { atSequence: sequence } : {}),
  };
}

/** One key per open panel: the same aggregate in two stores gets two panels. */
export function subjectKey(subject: InspectorSubject): string {
  return `${subject.store}\u0000${subject.aggregateId}`;
}

/** Where an event sits, as the server's entry for it says: the inspector opens at its aggregate and sequence. */
export function openArgsOfEntry(entry: { readonly aggregateId: string | null; readonly sequence: number | null }, store: string): OpenInspectorArgs | undefined {
  if (entry.aggregateId === null || entry.aggregateId === '') return undefined;
  return {
    aggregateId: entry.aggregateId,
    store,
    ...(entry.sequence !== null && Number.isSafeInteger(entry.sequence) ? { atSequence: entry.sequence } : {}),
  };
}
