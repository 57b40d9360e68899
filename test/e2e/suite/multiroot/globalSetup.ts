// Two workspace folders, each with an event_store/ (see prepareMultiRootWorkspace
// in extensionHostPasses.js). The prompts are answered by the explorer pass's
// doubles (the store pick is a showQuickPick). Run first by both runners
// (index.ts and @vscode/test-cli's `mocha.require`).
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../fixture';
import { installWindowDoubles } from '../explorer/windowDoubles';

export async function mochaGlobalSetup(): Promise<void> {
  installWindowDoubles();
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not among the extensions VS Code loaded`);
  await extension.activate();
}
