import * as path from 'node:path';
import * as vscode from 'vscode';
import { StatusRequest, type StoreStatus } from '../../shared/protocol';
import type { SendRequest } from '../views/sources/requester';

/**
 * The store a palette command acts on when nothing named one (run from the
 * palette, not from a row): the only store, or the one the user picks. Never
 * "the first one": in a multi-root workspace that is a guess the user did
 * not make. Undefined when the user dismissed the pick.
 */
export async function chooseStore(send: SendRequest, title: string): Promise<string | undefined> {
  const { stores } = await send(StatusRequest.type, {});
  if (stores.length === 0) throw new Error('no event store is open (expected an event_store/ folder in the workspace, or eventbus.storePath)');
  if (stores.length === 1) return stores[0].storeRoot;
  const picked = await vscode.window.showQuickPick(stores.map(storeItem), { title, placeHolder: 'Which event store?' });
  return picked?.storeRoot;
}

/** Every open store (a palette Refresh re-reads them all). */
export async function everyStore(send: SendRequest): Promise<string[]> {
  const { stores } = await send(StatusRequest.type, {});
  return stores.map((s) => s.storeRoot);
}

function storeItem(status: StoreStatus): vscode.QuickPickItem & { storeRoot: string } {
  const folder = status.folder ?? path.dirname(status.storeRoot);
  return { label: path.basename(folder), description: status.storeRoot, storeRoot: status.storeRoot };
}
