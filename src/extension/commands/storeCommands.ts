import * as vscode from 'vscode';
import { CleanupExecuteRequest, CleanupPlanRequest, MigrateExecuteRequest, MigratePlanRequest, RefreshRequest, ValidateStoreRequest } from '../../shared/writeProtocol';
import type { StoreCommandArgs } from './commandArgs';
import type { CommandDeps } from './commandDeps';
import { SHOW_PROBLEMS_COMMAND } from './commandIds';
import { type Confirmation, describeCleanupConfirmation, describeCleanupResult, describeMigrationConfirmation, describeMigrationResult } from './planDescriptions';
import { withCancellableProgress } from './progress';
import { ensureTrusted } from './trust';
import { validationMessage } from './summaries';

/** "Validate Store": the store's problem counts, with a way to the Problems panel. */
export async function validateStore({ client }: CommandDeps, args: StoreCommandArgs): Promise<void> {
  const summary = await withCancellableProgress('validating the store', (token) => client.sendRequest(ValidateStoreRequest.type, { store: args.store }, token));
  if (!summary) return;
  const message = `Event Bus: ${validationMessage(summary)}`;
  const hasProblems = summary.files.length > 0;
  const choice = hasProblems
    ? await (summary.problems.error > 0 ? vscode.window.showWarningMessage(message, 'Show Problems') : vscode.window.showInformationMessage(message, 'Show Problems'))
    : await vscode.window.showInformationMessage(message);
  if (choice) await vscode.commands.executeCommand(SHOW_PROBLEMS_COMMAND);
}

/** "Clean Up Expired Events…": the TTL plan in a modal dialog, then the removal once confirmed. Trusted only. */
export async function cleanupExpired({ client }: CommandDeps, args: StoreCommandArgs): Promise<void> {
  if (!ensureTrusted('Clean Up Expired Events')) return;
  const planned = await withCancellableProgress('planning the cleanup', (token) => client.sendRequest(CleanupPlanRequest.type, { store: args.store }, token));
  if (!planned) return;
  if (!(await confirmed(describeCleanupConfirmation(planned.plan, planned.share)))) return;
  const result = await withCancellableProgress('removing expired files', (token) =>
    client.sendRequest(CleanupExecuteRequest.type, { store: args.store, trusted: vscode.workspace.isTrusted, planId: planned.planId }, token),
  );
  if (!result) return;
  const outcome = describeCleanupResult(result);
  if (outcome.failed) void vscode.window.showWarningMessage(`Event Bus: ${outcome.message}`);
  else void vscode.window.showInformationMessage(`Event Bus: ${outcome.message}`);
}

/** "Migrate Events to Newest Schema…": the migration plan in a modal dialog, then the rewrite once confirmed. Trusted only. */
export async function migrateSchemas({ client }: CommandDeps, args: StoreCommandArgs): Promise<void> {
  if (!ensureTrusted('Migrate Events to Newest Schema')) return;
  const planned = await withCancellableProgress('planning the migration', (token) => client.sendRequest(MigratePlanRequest.type, { store: args.store }, token));
  if (!planned) return;
  if (!(await confirmed(describeMigrationConfirmation(planned.plan, planned.share)))) return;
  const result = await withCancellableProgress('migrating events', (token) =>
    client.sendRequest(MigrateExecuteRequest.type, { store: args.store, trusted: vscode.workspace.isTrusted, planId: planned.planId }, token),
  );
  if (!result) return;
  void vscode.window.showInformationMessage(`Event Bus: ${describeMigrationResult(result)}`);
}

/**
 * "Refresh" (the palette and every Event Bus view's title bar: the one
 * refresh): the server re-reads the store now, then the views ask again
 * for the stores and their rows. A progress notification while it runs,
 * the counts in the status bar when done.
 */
export async function refresh({ client, explorer }: CommandDeps, args: StoreCommandArgs): Promise<void> {
  const result = await withCancellableProgress('refreshing the store', async (token) => {
    const reread = await client.sendRequest(RefreshRequest.type, { store: args.store }, token);
    await explorer.refreshViews?.();
    return reread;
  });
  if (!result) return;
  vscode.window.setStatusBarMessage(`$(check) Event Bus: refreshed, ${result.eventCount.toLocaleString('en-US')} events in ${result.files.toLocaleString('en-US')} files`, 5000);
}

/** Shows the plan; true only when the user pressed the action's own button (Escape and Cancel mean no). */
async function confirmed(confirmation: Confirmation): Promise<boolean> {
  if (confirmation.nothingToDo) {
    void vscode.window.showInformationMessage(`Event Bus: ${confirmation.message}`);
    return false;
  }
  const folder = confirmation.typeToConfirm;
  if (folder === undefined) {
    const choice = await vscode.window.showWarningMessage(confirmation.message, { modal: true, detail: confirmation.detail }, confirmation.confirmLabel);
    return choice === confirmation.confirmLabel;
  }
  // The modal's button only leads to the typed confirmation: Enter on the dialog never deletes.
  const next = `${confirmation.confirmLabel}…`;
  const choice = await vscode.window.showWarningMessage(confirmation.message, { modal: true, detail: confirmation.detail }, next);
  if (choice !== next) return false;
  const typed = await vscode.window.showInputBox({
    title: confirmation.message,
    prompt: `Type the store's folder name, ${folder}, to ${confirmation.confirmLabel.toLowerCase()}`,
    placeHolder: folder,
    validateInput: (text) => (text === '' || text === folder ? undefined : `Type ${folder} exactly (or press Escape to cancel)`),
  });
  return typed === folder;
}
