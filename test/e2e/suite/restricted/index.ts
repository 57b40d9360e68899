// The restricted pass (runExtensionHostTests.js --pass restricted): the
// workspace opens untrusted. The prompts are answered by the explorer
// pass's doubles, set to say yes to everything, so a missing trust gate
// would go on to write; every `*.test.js` beside this file runs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { installWindowDoubles } from '../explorer/windowDoubles';

export async function run(): Promise<void> {
  installWindowDoubles();
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  if (files.length === 0) throw new Error(`no *.test.js files in ${__dirname}`);
  for (const name of files) mocha.addFile(path.join(__dirname, name));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
