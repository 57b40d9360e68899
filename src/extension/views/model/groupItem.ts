import type { EventGroupKey } from '../../../shared/protocol';
import type { ItemModel } from './itemModel';
import { field, lines } from './markdown';
import type { GroupNode } from './nodes';
import { formatEventTime } from './relativeTime';

const GROUP_ICONS: Readonly<Record<EventGroupKey, string>> = {
  aggregate: 'symbol-class',
  correlation: 'git-merge',
  type: 'symbol-interface',
  source: 'radio-tower',
};

const GROUP_NAMES: Readonly<Record<EventGroupKey, string>> = {
  aggregate: 'Aggregate',
  correlation: 'Correlation',
  type: 'Event type',
  source: 'Source',
};

export function eventCountText(count: number): string {
  return `${count.toLocaleString('en')} event${count === 1 ? '' : 's'}`;
}

/** An aggregate / correlation / type row: its count and how long ago it last saw an event. */
export function groupItem(node: GroupNode, nowMs: number, filtered: boolean): ItemModel {
  const s = node.summary;
  const last = formatEventTime(s.lastTimestampMs, nowMs);
  const description = node.groupBy === 'type' ? s.count.toLocaleString('en') : [eventCountText(s.count), last].filter(Boolean).join(' · ');
  return {
    id: node.key,
    label: s.key,
    description,
    tooltip: {
      markdown: lines([
        field(GROUP_NAMES[node.groupBy], s.key),
        `${field(filtered ? 'Events (matching the filter)' : 'Events', s.count.toLocaleString('en'))}`,
        field('First', s.firstTimestamp),
        field('Last', s.lastTimestamp),
      ]),
    },
    icon: { id: GROUP_ICONS[node.groupBy] },
    collapsible: s.count > 0 ? 'collapsed' : 'none',
    contextValue: node.groupBy,
  };
}
