#!/usr/bin/env node
// `npm test`: sets itself up (dependencies, build, compile) and runs every
// tier, then prints one closing line `N passed, N failed` over all tiers.
// Any tier that fails or cannot start makes the run fail.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const onlyTier = process.argv[2];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function setUp() {
  if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
    if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) throw new Error('npm ci failed');
  }
  if (run('node', ['esbuild.js']) !== 0) throw new Error('esbuild failed');
  fs.rmSync(path.join(root, 'out'), { recursive: true, force: true });
  if (run('npx', ['tsc', '-p', '.']) !== 0) throw new Error('TypeScript compile failed (see above)');
  // The webview front ends (browser code, bundled above) are type-checked on their own.
  if (run('npx', ['tsc', '-p', 'src/webview']) !== 0) throw new Error('TypeScript check of src/webview failed (see above)');
}

function specFiles(dir, suffix) {
  const found = [];
  const walk = (d) => {
    if (!fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(suffix)) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

/** Runs node's test runner over compiled spec files and reads its pass/fail summary. */
function nodeTestTier(name, suffix, concurrency) {
  const files = specFiles(path.join(root, 'out', 'test'), suffix);
  if (files.length === 0) return { name, passed: 0, failed: 1, note: `no ${suffix} files found` };
  const result = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...files],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  const count = (label) => {
    const match = new RegExp(`^\\S+ ${label} (\\d+)$`, 'm').exec(result.stdout);
    return match ? Number(match[1]) : 0;
  };
  const passed = count('pass');
  let failed = count('fail') + count('cancelled');
  if (result.status !== 0 && failed === 0) failed = 1;
  return { name, passed, failed };
}

/**
 * A real-VS-Code runner in test/e2e (code-server + chromium): sets them up
 * when missing, runs `script`, and adds up the mocha-style summaries it
 * prints ("N passing", "N failing"; one per pass). A runner that cannot
 * start or ends without a summary counts as a failure.
 */
function e2eRunnerTier(name, script) {
  if (run(process.execPath, [path.join('test', 'e2e', 'setup.js')]) !== 0) {
    return { name, passed: 0, failed: 1, note: 'set-up failed (see above)' };
  }
  const result = spawnSync(process.execPath, [path.join('test', 'e2e', script)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) return { name, passed: 0, failed: 1, note: `could not start: ${result.error.message}` };
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  const count = (label) => [...result.stdout.matchAll(new RegExp(`^\\s*(\\d+) ${label}\\b`, 'gm'))].reduce((sum, match) => sum + Number(match[1]), 0);
  const passed = count('passing');
  let failed = count('failing');
  let note;
  if (result.status !== 0 && failed === 0) {
    failed = 1;
    note = `runner exited with ${result.status ?? result.signal}`;
  } else if (passed + failed === 0) {
    failed = 1;
    note = 'no mocha summary in the output';
  }
  const pending = count('pending');
  if (pending > 0) note = [note, `${pending} pending`].filter(Boolean).join('; ');
  return { name, passed, failed, note };
}

/**
 * The built webview pages (media/*.js) in headless Chromium (test/webview).
 * playwright-core is test/e2e's package, not the extension's: install it
 * there first when it is missing.
 */
function webviewTier() {
  const name = 'webview';
  if (!fs.existsSync(path.join(root, 'test', 'e2e', 'node_modules', 'playwright-core', 'package.json'))) {
    if (run(process.execPath, [path.join('test', 'e2e', 'setup.js'), '--no-compile']) !== 0) {
      return { name, passed: 0, failed: 1, note: 'set-up of test/e2e (playwright-core, chromium) failed (see above)' };
    }
  }
  return nodeTestTier(name, '.webview.spec.js', 1);
}

/** `npm run lint`: the rooms' import boundaries (test/lint/eslint.config.mjs); one check, passed or failed. */
function lintTier() {
  const status = run('npm', ['run', '--silent', 'lint']);
  return { name: 'lint', passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, note: status === 0 ? undefined : 'wrong-way imports (see above)' };
}

const tiers = [
  { name: 'lint', run: lintTier },
  { name: 'unit', run: () => nodeTestTier('unit', '.unit.spec.js', 2) },
  { name: 'integration', run: () => nodeTestTier('integration', '.int.spec.js', 1) },
  // The built language server driven over stdio (test/lsp); one server at a time.
  { name: 'lsp', run: () => nodeTestTier('lsp', '.lsp.spec.js', 1) },
  // The built inspector page in headless Chromium (test/webview); one browser at a time.
  { name: 'webview', run: webviewTier },
  // The real VS Code (code-server + chromium, test/e2e): after the tiers that need no browser.
  // Mocha inside the real extension host: passes core, explorer (views, every command, live), restricted (untrusted).
  { name: 'extension-host', run: () => e2eRunnerTier('extension-host', 'runExtensionHostTests.js') },
  // Clicks and keys in the real workbench (palette, trees, Problems, the webviews' iframes) and the VSIX of `npm run package` installed.
  { name: 'ui', run: () => e2eRunnerTier('ui', 'runUiTests.js') },
];

function main() {
  const results = [];
  try {
    setUp();
  } catch (error) {
    console.error(`set-up failed: ${error.message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  for (const tier of tiers) {
    if (onlyTier && tier.name !== onlyTier) continue;
    console.log(`\n=== tier: ${tier.name} ===`);
    let outcome;
    try {
      outcome = tier.run();
    } catch (error) {
      outcome = { name: tier.name, passed: 0, failed: 1, note: `could not start: ${error.message}` };
    }
    results.push(outcome);
  }
  console.log('\n=== summary ===');
  for (const r of results) console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ''}`);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main();
