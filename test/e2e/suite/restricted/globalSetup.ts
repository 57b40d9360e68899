// The workspace opens untrusted. The prompts are answered by the explorer
// pass's doubles, set to say yes to everything, so a missing trust gate
// would go on to write. Run first by both runners (index.ts and
// @vscode/test-cli's `mocha.require`).
import { installWindowDoubles } from '../explorer/windowDoubles';

export async function mochaGlobalSetup(): Promise<void> {
  installWindowDoubles();
}
