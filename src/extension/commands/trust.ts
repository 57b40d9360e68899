import * as vscode from 'vscode';
import { UNTRUSTED_WRITE_MESSAGE } from '../../shared/writeProtocol';
import { TRUSTED_CONTEXT_KEY } from './commandIds';

/**
 * Keeps the `eventbus.trusted` context key equal to the workspace's trust
 * (menus hide writing commands while it is false). Trust can only be
 * granted while the window is open, never revoked without a reload.
 */
export function registerTrustContext(context: vscode.ExtensionContext): void {
  const update = () => void vscode.commands.executeCommand('setContext', TRUSTED_CONTEXT_KEY, vscode.workspace.isTrusted);
  update();
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(update));
}

/**
 * The real gate for writes (the server's check only backs it up): in an
 * untrusted workspace the command says why and does nothing.
 */
export function ensureTrusted(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(`Event Bus: ${action} ${UNTRUSTED_WRITE_MESSAGE}. Trust this workspace to use it.`, 'Manage Workspace Trust').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}
