import * as vscode from 'vscode';
import { EventByIdRequest, type EventDetail } from '../../shared/protocol';
import type { SendRequest } from '../views/sources/requester';
import { OpenEventCommand } from '../../shared/commands';
import { EVENT_DOCUMENT_SCHEME, type EventDocumentRef, eventDocumentText, eventDocumentTitle, eventDocumentUriParts, parseEventDocumentUri } from './eventDocumentUri';
import { editorErrorText } from '../errorText';

export const REVEAL_IN_FILE_COMMAND = 'eventbus.revealInFile';

export function eventDocumentUri(ref: EventDocumentRef): vscode.Uri {
  return vscode.Uri.from(eventDocumentUriParts(ref));
}

/**
 * Events as read-only pretty JSON documents (the content comes from the
 * server's EventByIdRequest), and "Reveal in File" from such a document to
 * the event's line in its JSONL day (or the decompressed `eventbus:` view
 * of a .jsonl.gz day).
 */
export class EventDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly send: SendRequest) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    // A document VS Code still holds may name an event that cleanup or a
    // rewrite removed: say so in the document rather than fail the refresh.
    try {
      const detail = await this.detailOf(uri);
      return detail.documentText ?? eventDocumentText(detail.event);
    } catch (error) {
      return `// ${(error as Error).message}\n`;
    }
  }

  /** Re-reads open event documents (after a day was rewritten, their events may have changed). */
  refreshOpen(): void {
    for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === EVENT_DOCUMENT_SCHEME) this.changed.fire(document.uri);
  }

  /** Opens the event in a tab titled `type #seq (aggregate)` (asked of the server when the caller knows only the id). */
  async open(ref: EventDocumentRef, preview = true, viewColumn?: vscode.ViewColumn): Promise<void> {
    let titled = ref;
    if (ref.title === undefined) {
      const detail = await this.send(EventByIdRequest.type, { eventId: ref.eventId, ...(ref.store ? { store: ref.store } : {}) });
      if (detail) titled = { ...ref, title: eventDocumentTitle(detail.entry) };
    }
    let document = await vscode.workspace.openTextDocument(eventDocumentUri(titled));
    if (document.languageId !== 'json') document = await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(document, { preview, preserveFocus: preview, ...(viewColumn !== undefined ? { viewColumn } : {}) });
  }

  /** Opens the event's file at its line with the line selected. */
  async revealInFile(uri: vscode.Uri): Promise<void> {
    const detail = await this.detailOf(uri);
    const target = vscode.Uri.parse(detail.entry.uri);
    const document = await vscode.workspace.openTextDocument(target);
    const line = Math.min(Math.max(detail.entry.line - 1, 0), Math.max(document.lineCount - 1, 0));
    const range = new vscode.Range(line, 0, line, document.lineAt(line).text.length);
    await vscode.window.showTextDocument(document, { selection: range, preview: false });
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async detailOf(uri: vscode.Uri): Promise<EventDetail> {
    const ref = parseEventDocumentUri(uri.path, uri.query);
    if (!ref) throw new Error(`${uri.toString()}: expected ${EVENT_DOCUMENT_SCHEME}:/<event id>.json`);
    const detail = await this.send(EventByIdRequest.type, { eventId: ref.eventId, store: ref.store });
    if (!detail) throw new Error(`No event with id ${ref.eventId} in ${ref.store} (was its file removed or rewritten?)`);
    return detail;
  }
}

/** OpenEventCommand.Args, checked: an event id and the store it is in. */
function isOpenEventArgs(value: unknown): value is OpenEventCommand.Args {
  if (typeof value !== 'object' || value === null) return false;
  const { eventId, store } = value as { eventId?: unknown; store?: unknown };
  return typeof eventId === 'string' && eventId !== '' && typeof store === 'string' && store !== '';
}

export function registerEventDocuments(context: vscode.ExtensionContext, send: SendRequest): EventDocuments {
  const documents = new EventDocuments(send);
  const fail = (error: unknown) => void vscode.window.showErrorMessage(`Event Bus: ${editorErrorText(error)}`);
  context.subscriptions.push(
    documents,
    vscode.workspace.registerTextDocumentContentProvider(EVENT_DOCUMENT_SCHEME, documents),
    vscode.commands.registerCommand(OpenEventCommand.id, async (args?: unknown) => {
      if (!isOpenEventArgs(args)) {
        void vscode.window.showWarningMessage('Event Bus: Open Event needs an event and its store (choose one in the Event Bus views).');
        return;
      }
      // `beside`: next to the editor that asked (the timeline), not over it.
      const title = typeof args.title === 'string' ? args.title : undefined;
      await documents
        .open({ eventId: args.eventId, store: args.store, ...(title ? { title } : {}) }, true, args.beside === true ? vscode.ViewColumn.Beside : undefined)
        .catch(fail);
    }),
    vscode.commands.registerCommand(REVEAL_IN_FILE_COMMAND, async (resource?: vscode.Uri) => {
      const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
      if (!uri || uri.scheme !== EVENT_DOCUMENT_SCHEME) {
        void vscode.window.showWarningMessage('Event Bus: Reveal in File works from an event opened from the Event Bus views.');
        return;
      }
      await documents.revealInFile(uri).catch(fail);
    }),
  );
  return documents;
}
