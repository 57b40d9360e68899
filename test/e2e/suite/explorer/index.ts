// The explorer pass (runExtensionHostTests.js --pass explorer): hooks the
// tree views and the prompts BEFORE the extension activates (its store sits
// in a configured folder, so nothing activated it at start-up), activates
// it, then runs every `*.test.js` beside this file in name order.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../fixture';
import { installTreeCapture } from './treeCapture';
import { installWindowDoubles } from './windowDoubles';

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not among the extensions VS Code loaded`);
  if (extension.isActive) {
    throw new Error(`${EXTENSION_ID} was already active when the explorer suite started: its tree views were created before they could be hooked (did the workspace get an event_store/ folder?)`);
  }
  installTreeCapture();
  installWindowDoubles();
  await extension.activate();

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
