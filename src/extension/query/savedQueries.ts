import * as vscode from 'vscode';
import { isSavedQuery, type SavedQuery } from '../../shared/queryViewProtocol';

export const SAVED_QUERIES_SETTING = 'savedQueries';

/** The workspace's saved queries (`eventbus.savedQueries`); malformed entries are skipped, not fatal. */
export function savedQueries(): SavedQuery[] {
  const value = vscode.workspace.getConfiguration('eventbus').get<unknown>(SAVED_QUERIES_SETTING, []);
  return Array.isArray(value) ? value.filter(isSavedQuery) : [];
}

/** Asks a name and stores the query in the workspace settings (the same name replaces the old one). */
export async function saveQuery(text: string): Promise<SavedQuery | undefined> {
  if (text.trim() === '') {
    void vscode.window.showInformationMessage('Event Bus: type a query first, then save it.');
    return undefined;
  }
  const name = await vscode.window.showInputBox({
    title: 'Save Query',
    prompt: `A name for: ${text.length > 60 ? `${text.slice(0, 59)}…` : text}`,
    validateInput: (value) => (value.trim() === '' ? 'Give the query a name' : undefined),
  });
  if (name === undefined) return undefined;
  const saved: SavedQuery = { name: name.trim(), query: text.trim() };
  const others = savedQueries().filter((q) => q.name !== saved.name);
  await vscode.workspace.getConfiguration('eventbus').update(SAVED_QUERIES_SETTING, [...others, saved], vscode.ConfigurationTarget.Workspace);
  return saved;
}
