// Runs a contributed command the way the palette, a view's button or a
// context menu would, with its prompts answered, and keeps the list of
// commands run so the last suite can check that every contributed command
// was exercised.
import * as vscode from 'vscode';
import { type Answers, answerWith, assertNoErrorShown } from './windowDoubles';

export const commandsRun = new Set<string>();

/** Runs `id` with `args`; fails when it throws, shows an error, or has not finished within `timeoutMs`. */
export async function runCommand<T = unknown>(id: string, args: unknown[] = [], answers: Answers = {}, timeoutMs = 30_000): Promise<T> {
  answerWith(answers);
  commandsRun.add(id);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${id} did not finish within ${timeoutMs / 1000} s (waiting for a prompt nobody answers?)`)), timeoutMs);
  });
  try {
    const result = await Promise.race([vscode.commands.executeCommand<T>(id, ...args), timeout]);
    assertNoErrorShown(id);
    return result;
  } finally {
    clearTimeout(timer);
  }
}

/** The editor a command opened: waits until the active editor's name matches. */
export async function activeEditorNamed(pattern: RegExp, timeoutMs = 10_000): Promise<vscode.TextEditor> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const editor = vscode.window.activeTextEditor;
    if (editor && pattern.test(decodeURIComponent(editor.document.uri.path))) return editor;
    if (Date.now() > deadline) throw new Error(`no editor named ${pattern} became active (active: ${editor?.document.uri.toString() ?? 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A webview tab whose label matches, e.g. the inspector's "Time-Travel Inspector — <id>". */
export async function webviewTab(pattern: RegExp, timeoutMs = 10_000): Promise<vscode.Tab> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && pattern.test(t.label));
    if (tab) return tab;
    if (Date.now() > deadline) {
      const labels = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
      throw new Error(`no webview tab ${pattern} opened (tabs: ${labels.join(' | ')})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
