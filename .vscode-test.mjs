// The standard entry for running the extension-host suites on a desktop:
// `npx vscode-test` (@vscode/test-cli + @vscode/test-electron, which
// downloads a VS Code build). CI cannot download VS Code and runs the same
// passes in code-server instead (node test/e2e/runExtensionHostTests.js).
// Both read the pass list from test/e2e/extensionHostPasses.js, and
// test/unit/vscodeTestEntry.unit.spec.ts checks that they run the same suites.
//
// Before use: `npm run build` and `node test/e2e/setup.js` (compiles the
// suites into test/e2e/out). Each pass's workspace is generated when this
// file is loaded, in a fresh folder under the system's temp folder; with
// EVENTBUS_VSCODE_TEST_DRY_RUN=1 the folders are named but not generated.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defineConfig } from '@vscode/test-cli';

const require = createRequire(import.meta.url);
const { PASSES, root } = require('./test/e2e/extensionHostPasses.js');

/** The same mocha options as test/e2e/suite/runMocha.ts. */
const MOCHA_OPTIONS = { ui: 'bdd', timeout: 60_000, color: true };

const dryRun = process.env.EVENTBUS_VSCODE_TEST_DRY_RUN === '1';

function configurationOf(pass) {
  const runDir = dryRun ? path.join(os.tmpdir(), `eventbus-vscode-test-${pass.name}`) : fs.mkdtempSync(path.join(os.tmpdir(), `eventbus-vscode-test-${pass.name}-`));
  const workspace = dryRun ? path.join(runDir, 'workspace') : pass.prepare(runDir).workspace;
  const userData = path.join(runDir, 'user-data');
  if (!dryRun) {
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), `${JSON.stringify(pass.userSettings, null, 2)}\n`);
  }
  return {
    label: pass.name,
    extensionDevelopmentPath: root,
    workspaceFolder: workspace,
    files: path.join(pass.suiteDir, '*.test.js'),
    mocha: { ...MOCHA_OPTIONS, require: [pass.globalSetup] },
    launchArgs: [`--user-data-dir=${userData}`, ...(pass.trustWorkspace ? ['--disable-workspace-trust'] : [])],
  };
}

export default defineConfig(PASSES.map(configurationOf));
