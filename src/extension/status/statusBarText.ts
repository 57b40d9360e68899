import type { StoreStatus } from '../../shared/protocol';
import { escapeMarkdown as escape } from '../views/model/markdown';
import { progressText } from '../views/model/storeProgress';

export interface StatusBarModel {
  readonly visible: boolean;
  readonly text: string;
  /** Markdown. */
  readonly tooltip: string;
  /** Theme colour id for the background (a store failed to open), or undefined. */
  readonly background?: string;
}

/**
 * `$(circle-filled) live · 1,234,567 events · 3 errors` over every store
 * (summed in multi-root workspaces); indexing and failure say so instead.
 * Hidden when the workspace has no store.
 */
export function statusBarModel(stores: readonly StoreStatus[]): StatusBarModel {
  if (stores.length === 0) return { visible: false, text: '', tooltip: '' };
  const events = stores.reduce((sum, s) => sum + s.eventCount, 0);
  const errors = stores.reduce((sum, s) => sum + s.problems.error, 0);
  const opening = stores.find((s) => s.state === 'opening');
  const failed = stores.filter((s) => s.state === 'failed');
  const parts: string[] = [];
  if (failed.length === stores.length) parts.push('$(error) store failed');
  else if (opening) parts.push(`$(sync~spin) ${progressText(opening) ?? 'indexing'}`);
  else parts.push('$(circle-filled) live');
  parts.push(`${events.toLocaleString('en')} event${events === 1 ? '' : 's'}`);
  if (errors > 0) parts.push(`${errors.toLocaleString('en')} error${errors === 1 ? '' : 's'}`);
  const tooltip = stores
    .map((s) => {
      const head = `**${escape(s.storeRoot)}** — ${progressText(s) ?? s.state}`;
      const refreshed = `last refresh: ${s.lastRefresh ? escape(s.lastRefresh) : 'not yet'}`;
      const problems = `${s.problems.error} errors, ${s.problems.warning} warnings`;
      return [head, `${s.eventCount.toLocaleString('en')} events in ${s.files} files · ${problems}`, refreshed, ...(s.error ? [escape(s.error)] : [])].join('  \n');
    })
    .concat(['', 'Click to open the Event Bus status.'])
    .join('\n\n');
  return {
    visible: true,
    text: parts.join(' · '),
    tooltip,
    ...(failed.length > 0 ? { background: 'statusBarItem.errorBackground' } : {}),
  };
}
