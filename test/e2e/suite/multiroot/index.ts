// The multi-root pass (runExtensionHostTests.js --pass multiroot): its
// set-up (globalSetup.ts), then every `*.test.js` beside this file.
import { runMochaFiles } from '../runMocha';
import { mochaGlobalSetup } from './globalSetup';

export async function run(): Promise<void> {
  await mochaGlobalSetup();
  await runMochaFiles(__dirname);
}
