// The explorer pass (runExtensionHostTests.js --pass explorer): its set-up
// (globalSetup.ts), then every `*.test.js` beside this file in name order.
import { runMochaFiles } from '../runMocha';
import { mochaGlobalSetup } from './globalSetup';

export async function run(): Promise<void> {
  await mochaGlobalSetup();
  await runMochaFiles(__dirname);
}
