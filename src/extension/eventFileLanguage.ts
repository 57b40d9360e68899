import * as vscode from 'vscode';
import { DEFAULT_EVENT_FILE_GLOB, SETTINGS_SECTION } from '../shared/settings';
import { EVENTBUS_SCHEME } from '../shared/uris';
import { EVENT_LANGUAGE_ID } from './languageClient';

/**
 * Gives event files the `event-jsonl` language. The package.json pattern
 * covers the default layout; this follows the configurable glob
 * (`eventbus.eventFileGlob`) and the decompressed `eventbus:` documents.
 */
export function registerEventFileLanguage(context: vscode.ExtensionContext): void {
  const assign = (document: vscode.TextDocument): void => {
    if (document.languageId === EVENT_LANGUAGE_ID) return;
    const glob = vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri).get<string>('eventFileGlob') || DEFAULT_EVENT_FILE_GLOB;
    const isEventFile =
      document.uri.scheme === EVENTBUS_SCHEME || (document.uri.scheme === 'file' && vscode.languages.match({ pattern: glob }, document) > 0);
    if (isEventFile) void vscode.languages.setTextDocumentLanguage(document, EVENT_LANGUAGE_ID);
  };
  vscode.workspace.textDocuments.forEach(assign);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(assign));
}
