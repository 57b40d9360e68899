import * as pathNames from './pathNames';
import type { ItemModel } from './itemModel';
import { field, lines } from './markdown';
import type { LoadMoreNode, MessageNode, StatusRowNode, StoreNode } from './nodes';

export const LOAD_MORE_COMMAND = 'eventbus.loadMore';

export function loadMoreItem(node: LoadMoreNode, pageSize: number): ItemModel {
  const next = Math.min(pageSize, node.total - node.loaded);
  return {
    id: node.key,
    label: 'Load more…',
    description: `${node.loaded.toLocaleString('en')} of ${node.total.toLocaleString('en')} shown · next ${next.toLocaleString('en')}`,
    icon: { id: 'more' },
    collapsible: 'none',
    contextValue: 'loadMore',
    command: { command: LOAD_MORE_COMMAND, title: 'Load More', arguments: [node] },
  };
}

export function messageItem(node: MessageNode): ItemModel {
  return {
    id: node.key,
    label: node.text,
    tooltip: node.text,
    icon: node.severity === 'error' ? { id: 'error', color: 'list.errorForeground' } : { id: 'info' },
    collapsible: 'none',
    contextValue: 'message',
  };
}

/** A store heading (multi-root workspaces): the folder it sits in, its state. */
export function storeItem(node: StoreNode): ItemModel {
  const s = node.status;
  const state = s.state === 'ready' ? `${s.eventCount.toLocaleString('en')} events` : s.state;
  return {
    id: node.key,
    label: pathNames.storeLabel(s.storeRoot, s.folder),
    description: state,
    tooltip: { markdown: lines([field('Store', s.storeRoot), field('Folder', s.folder), field('State', s.state), ...(s.error ? [field('Error', s.error)] : [])]) },
    icon: s.state === 'failed' ? { id: 'error', color: 'list.errorForeground' } : { id: 'database' },
    collapsible: 'expanded',
    contextValue: 'store',
  };
}

export function statusRowItem(node: StatusRowNode): ItemModel {
  return {
    id: node.key,
    label: node.label,
    description: node.value,
    tooltip: node.tooltip ?? `${node.label}: ${node.value}`,
    ...(node.icon ? { icon: node.icon } : {}),
    collapsible: 'none',
    contextValue: 'statusRow',
  };
}
