import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';

/** The repository root (tests run from out/): where .vscode-test.mjs sits. */
function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.vscode-test.mjs')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`no .vscode-test.mjs above ${__dirname}`);
}

const ROOT = repoRoot();

interface Pass {
  readonly name: string;
  readonly suiteDir: string;
  readonly testsIndex: string;
  readonly globalSetup: string;
  readonly trustWorkspace: boolean;
}

interface TestCliConfiguration {
  readonly label: string;
  readonly files: string;
  readonly extensionDevelopmentPath: string;
  readonly workspaceFolder: string;
  readonly mocha: { readonly ui: string; readonly timeout: number; readonly require: readonly string[] };
  readonly launchArgs: readonly string[];
}

const { PASSES } = require(path.join(ROOT, 'test', 'e2e', 'extensionHostPasses.js')) as { PASSES: readonly Pass[] };

/** What `npx vscode-test` would run: the config module loaded by node as ESM (no VS Code started, no workspace generated). */
function loadTestCliConfigurations(): TestCliConfiguration[] {
  const script = `const loaded = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, '.vscode-test.mjs')).href)}); process.stdout.write(JSON.stringify(await loaded.default));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, EVENTBUS_VSCODE_TEST_DRY_RUN: '1' },
  });
  assert.equal(result.status, 0, `loading .vscode-test.mjs failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as TestCliConfiguration[];
}

/** Source folder of a pass's compiled suite folder (test/e2e/out/suite/x → test/e2e/suite/x). */
function sourceDirOf(suiteDir: string): string {
  return suiteDir.replace(`${path.sep}out${path.sep}suite`, `${path.sep}suite`);
}

describe('the desktop test entry (.vscode-test.mjs) and the code-server runner', () => {
  const configurations = loadTestCliConfigurations();

  it('run the same passes, in the same order', () => {
    assert.deepEqual(
      configurations.map((configuration) => configuration.label),
      PASSES.map((pass) => pass.name),
    );
    assert.deepEqual(
      PASSES.map((pass) => pass.name),
      ['core', 'explorer', 'restricted', 'multiroot'],
    );
  });

  it('run every *.test file of a pass folder, after the same set-up module', () => {
    for (const [index, pass] of PASSES.entries()) {
      const configuration = configurations[index];
      // The code-server runner loads pass.testsIndex, whose run() takes every *.test.js beside it.
      assert.equal(path.dirname(pass.testsIndex), pass.suiteDir);
      assert.equal(configuration.files, path.join(pass.suiteDir, '*.test.js'), pass.name);
      assert.deepEqual(configuration.mocha.require, [pass.globalSetup], pass.name);
      const source = sourceDirOf(pass.suiteDir);
      const tests = fs.readdirSync(source).filter((name) => name.endsWith('.test.ts'));
      assert.ok(tests.length > 0, `${source} has no *.test.ts`);
      const indexSource = fs.readFileSync(path.join(source, 'index.ts'), 'utf8');
      assert.match(indexSource, /from '\.\/globalSetup'/, `${pass.name}: index.ts must run the set-up that .vscode-test.mjs runs`);
      assert.match(indexSource, /await mochaGlobalSetup\(\)/, pass.name);
      assert.ok(fs.existsSync(path.join(source, 'globalSetup.ts')), `${source}/globalSetup.ts is missing`);
    }
  });

  it('open each pass in its own workspace, trusted exactly where the code-server runner trusts it', () => {
    const folders = new Set(configurations.map((configuration) => configuration.workspaceFolder));
    assert.equal(folders.size, configurations.length);
    for (const [index, pass] of PASSES.entries()) {
      const configuration = configurations[index];
      assert.equal(configuration.extensionDevelopmentPath, ROOT);
      assert.equal(configuration.launchArgs.includes('--disable-workspace-trust'), pass.trustWorkspace, pass.name);
      assert.equal(configuration.mocha.ui, 'bdd');
    }
  });

  it('use the mocha options of the code-server runner', () => {
    const runMocha = fs.readFileSync(path.join(ROOT, 'test', 'e2e', 'suite', 'runMocha.ts'), 'utf8');
    const timeout = /timeout: ([\d_]+)/.exec(runMocha);
    assert.ok(timeout, 'runMocha.ts names no timeout');
    assert.equal(configurations[0].mocha.timeout, Number(timeout[1].replace(/_/g, '')));
    assert.match(runMocha, /ui: 'bdd'/);
  });
});
