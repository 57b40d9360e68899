// Stand-ins for the prompts a person answers: messages (with their buttons
// and modal confirmations), input boxes, showQuickPick and the open dialog.
// Everything else the commands do is real: the language server, the store,
// the documents and webviews they open. Quick picks built with
// createQuickPick (the searchable aggregate pick, the event-type pick) are
// NOT replaced: the real widget is shown and accepted through the
// workbench's own command, after the test has chosen the active item.
//
// Like the tree capture, this works because the suite shares the
// extension's `vscode` API object (see treeCapture.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export type Severity = 'information' | 'warning' | 'error';

export interface ShownMessage {
  readonly severity: Severity;
  readonly text: string;
  readonly modal: boolean;
  readonly buttons: string[];
}

export interface ShownInput {
  readonly title: string;
  readonly prompt: string;
  readonly value: string;
  readonly answer: string | undefined;
}

/** How a prompt is answered; undefined = the person pressed Escape. */
export interface Answers {
  /** Input boxes in order; `useValue` accepts what the box proposes. */
  inputs?: (string | { useValue: true } | undefined)[];
  /** showQuickPick / createQuickPick picks in order: the first item whose label includes the text (undefined: Escape). */
  picks?: (string | undefined)[];
  /** Message buttons: the text of the button to press, by a regular expression on the message. */
  buttons?: { message: RegExp; press: string }[];
  /** The open dialog's answer. */
  openDialog?: vscode.Uri[];
  /** Modal confirmations: press their first (the action's own) button instead of Cancel. */
  confirm?: boolean;
}

export const shown: { messages: ShownMessage[]; inputs: ShownInput[]; picks: string[]; statusBar: string[] } = {
  messages: [],
  inputs: [],
  picks: [],
  statusBar: [],
};

let answers: Answers = {};

/** Starts a fresh record with these answers. */
export function answerWith(next: Answers): void {
  answers = { ...next, inputs: [...(next.inputs ?? [])], picks: [...(next.picks ?? [])], buttons: next.buttons ?? [] };
  shown.messages.length = 0;
  shown.inputs.length = 0;
  shown.picks.length = 0;
  shown.statusBar.length = 0;
}

export function errorsShown(): string[] {
  return shown.messages.filter((m) => m.severity === 'error').map((m) => m.text);
}

/** Fails with every error message the command showed (the command table's "runs without error"). */
export function assertNoErrorShown(what: string): void {
  assert.deepEqual(errorsShown(), [], `${what} showed errors`);
}

function labelOf(item: string | vscode.QuickPickItem): string {
  return typeof item === 'string' ? item : item.label;
}

function matches(item: string | vscode.QuickPickItem, wanted: string): boolean {
  const label = labelOf(item).replace(/^\$\([^)]*\)\s*/, '');
  return label.includes(wanted);
}

function recordMessage(severity: Severity) {
  return (message: string, ...rest: unknown[]): Thenable<unknown> => {
    const hasOptions = rest.length > 0 && typeof rest[0] === 'object' && rest[0] !== null && !('title' in (rest[0] as object));
    const options = (hasOptions ? rest.shift() : undefined) as vscode.MessageOptions | undefined;
    const buttons = rest.map((item) => (typeof item === 'string' ? item : (item as vscode.MessageItem).title));
    shown.messages.push({ severity, text: message, modal: options?.modal === true, buttons });
    const rule = answers.buttons?.find((b) => b.message.test(message));
    const index = rule ? buttons.indexOf(rule.press) : options?.modal && answers.confirm ? 0 : -1;
    return Promise.resolve(index >= 0 ? rest[index] : undefined);
  };
}

/** Waits until the quick input shows items and is not busy, makes `wanted` active, and accepts it through the workbench. */
async function acceptInRealQuickPick(pick: vscode.QuickPick<vscode.QuickPickItem>, wanted: string | undefined): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (pick.busy || pick.items.length === 0 || !pick.items.some((item) => wanted === undefined || matches(item, wanted))) {
    if (Date.now() > deadline) {
      pick.hide();
      throw new Error(`quick pick "${pick.title}": no item with "${wanted}" within 20 s (items: ${pick.items.slice(0, 5).map(labelOf).join(' | ')})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (wanted === undefined) {
    pick.hide();
    return;
  }
  const item = pick.items.find((candidate) => matches(candidate, wanted))!;
  pick.activeItems = [item];
  // Let the active item reach the workbench before the accept does.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

export function installWindowDoubles(): void {
  const window = vscode.window as unknown as Record<string, unknown>;
  const originalCreateQuickPick = vscode.window.createQuickPick.bind(vscode.window);
  const originalSetStatusBarMessage = vscode.window.setStatusBarMessage.bind(vscode.window);
  const replacements: Record<string, unknown> = {
    showInformationMessage: recordMessage('information'),
    showWarningMessage: recordMessage('warning'),
    showErrorMessage: recordMessage('error'),
    showInputBox: async (options?: vscode.InputBoxOptions) => {
      const planned = answers.inputs?.shift();
      const answer = planned !== null && typeof planned === 'object' ? (options?.value ?? '') : planned;
      shown.inputs.push({ title: options?.title ?? '', prompt: options?.prompt ?? '', value: options?.value ?? '', answer });
      if (answer !== undefined && options?.validateInput) {
        const verdict = await options.validateInput(answer);
        const problem = typeof verdict === 'string' ? verdict : verdict?.message;
        assert.ok(!problem, `input "${options.title ?? options.prompt}" rejected the answer ${JSON.stringify(answer)}: ${problem}`);
      }
      return answer;
    },
    showQuickPick: async (items: readonly (string | vscode.QuickPickItem)[] | Thenable<readonly (string | vscode.QuickPickItem)[]>, options?: vscode.QuickPickOptions) => {
      const list = await items;
      const wanted = answers.picks?.shift();
      shown.picks.push(options?.title ?? options?.placeHolder ?? '');
      if (wanted === undefined) return undefined;
      const found = list.find((item) => matches(item, wanted));
      assert.ok(found, `quick pick "${options?.title}": no item with "${wanted}" (items: ${list.map(labelOf).join(' | ')})`);
      return options?.canPickMany ? [found] : found;
    },
    showOpenDialog: async () => answers.openDialog,
    setStatusBarMessage: (textValue: string, ...rest: unknown[]) => {
      shown.statusBar.push(textValue);
      return (originalSetStatusBarMessage as (t: string, ...r: unknown[]) => vscode.Disposable)(textValue, ...rest);
    },
    createQuickPick: () => {
      const pick = originalCreateQuickPick();
      const show = pick.show.bind(pick);
      pick.show = () => {
        show();
        const wanted = answers.picks?.shift();
        shown.picks.push(pick.title ?? pick.placeholder ?? '');
        acceptInRealQuickPick(pick, wanted).catch((error: unknown) => {
          shown.messages.push({ severity: 'error', text: `(test) ${error instanceof Error ? error.message : String(error)}`, modal: false, buttons: [] });
        });
      };
      return pick;
    },
  };
  for (const [name, replacement] of Object.entries(replacements)) {
    window[name] = replacement;
    if (window[name] !== replacement) throw new Error(`vscode.window.${name} could not be replaced: the API object is read-only`);
  }
}
