import * as vscode from 'vscode';
import { untilCancelled } from './cancellable';
import { editorErrorText } from '../errorText';

/**
 * Runs server work under a cancellable progress notification. Returns
 * undefined when the user cancelled (after telling them the server may
 * still finish); errors reach the caller.
 */
export async function withCancellableProgress<T>(title: string, work: (token: vscode.CancellationToken) => Promise<T>): Promise<T | undefined> {
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Event Bus: ${title}`, cancellable: true },
    (_progress, token) => untilCancelled(work(token), token),
  );
  if (outcome.cancelled) {
    void vscode.window.showInformationMessage(`Event Bus: stopped waiting for "${title}". The language server may still finish it.`);
    return undefined;
  }
  return outcome.value;
}

/** Shows a failed command's error: what was being done and the server's message (which names what was expected). */
export function reportFailure(what: string, error: unknown): void {
  const message = editorErrorText(error);
  void vscode.window.showErrorMessage(`Event Bus: ${what} failed: ${message}`);
}
