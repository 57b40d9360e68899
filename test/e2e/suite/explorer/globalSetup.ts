// Hooks the tree views and the prompts BEFORE the extension activates (its
// store sits in a configured folder, so nothing activated it at start-up),
// then activates it. Run first by both runners: index.ts (code-server) and
// @vscode/test-cli's `mocha.require` (.vscode-test.mjs on a desktop).
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../fixture';
import { installTreeCapture } from './treeCapture';
import { installWindowDoubles } from './windowDoubles';

export async function mochaGlobalSetup(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not among the extensions VS Code loaded`);
  if (extension.isActive) {
    throw new Error(`${EXTENSION_ID} was already active when the explorer suite started: its tree views were created before they could be hooked (did the workspace get an event_store/ folder?)`);
  }
  installTreeCapture();
  installWindowDoubles();
  await extension.activate();
}
