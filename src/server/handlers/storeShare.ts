import * as path from 'node:path';
import type { EventIndexView } from '../../engine/model/indexTypes';
import type { StoreShare } from '../../shared/writeProtocol';

/** The share of the store held by these day files (store-relative paths, as plans name them). */
export function storeShareOf(root: string, index: EventIndexView, files: readonly string[]): StoreShare {
  const touched = new Set(files.map((file) => path.posix.basename(file.replace(/\\/g, '/'))));
  const days = index.files.filter((f) => f.day !== null);
  const newestDay = days.reduce<string | null>((newest, f) => (newest === null || (f.day as string) > newest ? f.day : newest), null);
  let events = 0;
  const touchedDays = new Set<string>();
  let includesNewestDay = false;
  for (const file of index.files) {
    if (!touched.has(path.posix.basename(file.file))) continue;
    events += file.events;
    if (file.day !== null) touchedDays.add(file.day);
    if (file.day !== null && file.day === newestDay) includesNewestDay = true;
  }
  return {
    events,
    totalEvents: index.eventCount,
    days: touchedDays.size,
    totalDays: new Set(days.map((f) => f.day)).size,
    includesNewestDay,
    folderName: path.basename(root),
  };
}
