import * as path from 'node:path';
import * as vscode from 'vscode';
import { EventBusDebugSession } from '../../debugAdapter/eventBusDebugSession';
import { DEBUG_FOLD_STEP_EVENT } from '../../shared/debugPosition';

/** The debug type of package.json's `contributes.debuggers`. */
export const DEBUG_TYPE = 'eventbus';

/**
 * Replay sessions run inline in the extension host: the adapter opens the
 * store through its persisted index (a header read, then only what a step
 * asks), so no process is spawned per session. `node dist/debugAdapter.js`
 * is the same adapter over stdio, for tests and other DAP clients.
 */
class InlineReplayAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  createDebugAdapterDescriptor(): vscode.ProviderResult<vscode.DebugAdapterDescriptor> {
    return new vscode.DebugAdapterInlineImplementation(new EventBusDebugSession());
  }
}

/** Fills what a launch configuration leaves out: the workspace's store, and `.gz` days as the editor's decompressed documents. */
class ReplayConfigurationProvider implements vscode.DebugConfigurationProvider {
  resolveDebugConfiguration(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.ProviderResult<vscode.DebugConfiguration> {
    // F5 with no launch.json: replay the whole store of the first folder.
    if (!config.type && !config.request && !config.name) {
      config.type = DEBUG_TYPE;
      config.request = 'launch';
      config.name = 'Replay the event store';
    }
    const root = folder ?? vscode.workspace.workspaceFolders?.[0];
    if (config.store === undefined && root) config.store = path.join(root.uri.fsPath, 'event_store');
    // Breakpoints set in a decompressed .gz day are on `eventbus:` documents: show the same documents when stopping there.
    config.gzipSources ??= 'eventbusUri';
    // A store's projection module is code: it runs only in a trusted workspace, whatever launch.json says.
    config.allowProjections = vscode.workspace.isTrusted && config.allowProjections !== false;
    return config;
  }
}

/** "Step Into" the fold of a projection store: the child Node session the adapter asks for, under the replay session. */
async function startFoldStep(event: vscode.DebugSessionCustomEvent): Promise<void> {
  const body = event.body as { projection?: unknown; configuration?: unknown } | undefined;
  const configuration = body?.configuration as vscode.DebugConfiguration | undefined;
  // Only a Node launch of the adapter's runner: anything else in the event is not ours to start.
  if (!configuration || configuration.type !== 'node' || configuration.request !== 'launch' || typeof configuration.program !== 'string') return;
  const started = await vscode.debug.startDebugging(event.session.workspaceFolder, configuration, { parentSession: event.session, compact: true });
  if (!started) void vscode.window.showWarningMessage(`Event Bus: could not start a Node debug session for the projection ${String(body?.projection ?? '')} (is the JavaScript debugger enabled?).`);
}

export function registerReplayDebugger(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new InlineReplayAdapterFactory()),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new ReplayConfigurationProvider()),
    vscode.debug.onDidReceiveDebugSessionCustomEvent((event) => {
      if (event.session.type === DEBUG_TYPE && event.event === DEBUG_FOLD_STEP_EVENT) void startFoldStep(event);
    }),
  );
}
