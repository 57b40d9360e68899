// The extension host loads this module (the workbench payload's
// extensionTestsPath) and awaits run(): the same contract as
// @vscode/test-electron. Every `*.test.js` beside it runs in name order.
import { mochaGlobalSetup } from './globalSetup';
import { runMochaFiles } from './runMocha';

export async function run(): Promise<void> {
  await mochaGlobalSetup();
  await runMochaFiles(__dirname);
}
