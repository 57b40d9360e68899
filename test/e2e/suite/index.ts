// The extension host loads this module (the workbench payload's
// extensionTestsPath) and awaits run(): the same contract as
// @vscode/test-electron. Every `*.test.js` beside it runs in name order.
import { runMochaFiles } from './runMocha';

export function run(): Promise<void> {
  return runMochaFiles(__dirname);
}
