import type * as vscode from 'vscode';
import type { EventEntry } from '../../shared/protocol';

/** One row of the pick: `#42 trade_executed · 2024-01-15 10:30:00`, newest first. */
export interface EventPickItem extends vscode.QuickPickItem {
  readonly sequence: number;
}

export function eventPickItems(entries: readonly EventEntry[]): EventPickItem[] {
  return entries
    .filter((e): e is EventEntry & { sequence: number } => e.sequence !== null)
    .map((e) => ({
      label: `#${e.sequence} ${e.type}`,
      description: e.timestamp ? e.timestamp.replace('T', ' ').replace(/(\.\d+)?Z$/, '') : 'no timestamp',
      detail: e.source ? `from ${e.source}${e.correlationId ? ` · correlation ${e.correlationId}` : ''}` : undefined,
      sequence: e.sequence,
    }))
    .reverse();
}
