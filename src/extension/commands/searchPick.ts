import * as vscode from 'vscode';
import { noMatchNote, moreResultsNote, type PickItem } from './pickItems';
import { editorErrorText } from '../errorText';

interface QuickItem<T> extends vscode.QuickPickItem {
  readonly value?: T;
}

export interface SearchPickOptions<T> {
  readonly title: string;
  readonly placeholder: string;
  /** What one result is called ("aggregate"), for the notes. */
  readonly noun: string;
  /** One page of results whose id starts with `prefix`, and how many match in all. */
  search(prefix: string, token: vscode.CancellationToken): Promise<{ items: PickItem<T>[]; total: number }>;
}

/** How long typing must pause before the server is asked again. */
const TYPING_PAUSE_MS = 80;

/**
 * A quick pick over ids the server searches by prefix as the user types,
 * so a store with thousands of aggregates stays instant: the client never
 * holds the whole list. Older answers that arrive late are dropped; the
 * request they belonged to is cancelled.
 */
export function pickWithSearch<T>(options: SearchPickOptions<T>): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve) => {
    const pick = vscode.window.createQuickPick<QuickItem<T>>();
    pick.title = options.title;
    pick.placeholder = options.placeholder;
    pick.matchOnDescription = false;
    let generation = 0;
    let pending: vscode.CancellationTokenSource | undefined;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (value: T | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };

    const load = (prefix: string) => {
      pending?.cancel();
      pending?.dispose();
      const source = new vscode.CancellationTokenSource();
      pending = source;
      const mine = ++generation;
      pick.busy = true;
      options.search(prefix, source.token).then(
        ({ items, total }) => {
          if (mine !== generation) return;
          const notes = items.length === 0 ? [noMatchNote(prefix, options.noun)] : [];
          const more = moreResultsNote(items.length, total, prefix);
          pick.items = [...items, ...notes, ...(more ? [more] : [])].map(toQuickItem);
          pick.busy = false;
        },
        (error: unknown) => {
          if (mine !== generation) return;
          pick.items = [{ label: `$(error) ${editorErrorText(error)}`, alwaysShow: true }];
          pick.busy = false;
        },
      );
    };

    pick.onDidChangeValue((value) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => load(value), TYPING_PAUSE_MS);
    });
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0];
      if (!chosen || chosen.value === undefined) return;
      finish(chosen.value);
      pick.hide();
    });
    pick.onDidHide(() => {
      if (timer) clearTimeout(timer);
      pending?.cancel();
      pending?.dispose();
      pick.dispose();
      finish(undefined);
    });
    load('');
    pick.show();
  });
}

/** Notes stay visible whatever is typed (VS Code's own filter would hide them) and carry no value. */
export function toQuickItem<T>(item: PickItem<T>): QuickItem<T> {
  return {
    label: item.label,
    ...(item.description !== undefined ? { description: item.description } : {}),
    ...(item.detail !== undefined ? { detail: item.detail } : {}),
    ...(item.note ? { alwaysShow: true, label: `$(info) ${item.label}` } : {}),
    ...(item.value !== undefined ? { value: item.value } : {}),
  };
}
