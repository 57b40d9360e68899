// The restricted pass (runExtensionHostTests.js --pass restricted): the
// workspace opens untrusted. The prompts are answered by the explorer
// pass's doubles, set to say yes to everything, so a missing trust gate
// would go on to write; every `*.test.js` beside this file runs.
import { runMochaFiles } from '../runMocha';
import { installWindowDoubles } from '../explorer/windowDoubles';

export async function run(): Promise<void> {
  installWindowDoubles();
  await runMochaFiles(__dirname);
}
