#!/usr/bin/env node
// Runs the mocha suite in test/e2e/out/suite inside the extension host of a
// real VS Code (code-server 4.100.3), as @vscode/test-electron does on a
// desktop: the workbench URL's `payload` names the extension under
// development (this repository) and the tests module; a headless chromium
// attaches a window (the extension host starts only when one connects), the
// suite's console reaches us through `codeAutomationLog` and its exit code
// through `codeAutomationExit`.
//
// Before the server starts, a workspace is made in a throwaway run folder: a
// generated store (dist/cli.js generate), one day gzipped, and `fixture.json`
// beside the workspace with what the CLI's validate reports for it, so the
// suite compares the editor against the CLI.
//
// Three passes, each with its own server, workspace and suite (see PASSES):
//   core        suite/*.test.js: activation, diagnostics, .jsonl.gz (trusted)
//   explorer    suite/explorer/*.test.js: the tree views, every contributed
//               command, live refresh; the store sits in a configured folder
//               (store/, not event_store/) so the extension activates only
//               when the suite says, after it has hooked the tree views
//   restricted  suite/restricted/*.test.js: a generated event_store/ in an
//               untrusted workspace; reading works, writing commands refuse
//               and write nothing
//
// Usage: node test/e2e/runExtensionHostTests.js [--timeout SECONDS] [--keep] [--pass NAME]...
//   --keep   keep the run folders (they are kept anyway when a pass fails)
//   --pass   run only this pass (repeatable; default all)
// Exits 0 when every pass exits 0; 1 when any fails, fails to start or times out.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { startVsCodeServer } = require('./vscodeServer');

const { PASSES, cli, root } = require('./extensionHostPasses');
const { CHROMIUM, CHROMIUM_ARGS } = require('./browser.js');

function log(message) {
  console.log(`[e2e] ${message}`);
}

function parseArgs(argv) {
  const options = { timeoutSeconds: 150, keep: false, passes: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--keep') options.keep = true;
    else if (argv[i] === '--timeout') options.timeoutSeconds = Number(argv[++i]);
    else if (argv[i] === '--pass') options.passes.push(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (expected --timeout SECONDS, --keep or --pass NAME)`);
  }
  if (!(options.timeoutSeconds > 0)) throw new Error('--timeout expects a positive number of seconds');
  const unknown = options.passes.filter((name) => !PASSES.some((pass) => pass.name === name));
  if (unknown.length > 0) throw new Error(`unknown pass ${unknown.join(', ')} (expected ${PASSES.map((pass) => pass.name).join(', ')})`);
  if (options.passes.length === 0) options.passes = PASSES.map((pass) => pass.name);
  return options;
}

function requireBuilt() {
  const missing = [
    [path.join(root, 'dist', 'extension.js'), 'node esbuild.js'],
    [path.join(root, 'dist', 'server.js'), 'node esbuild.js'],
    [cli, 'node esbuild.js'],
    ...PASSES.flatMap((pass) => [pass.testsIndex, pass.globalSetup]).map((file) => [file, 'node test/e2e/setup.js']),
    [CHROMIUM, 'node test/e2e/setup.js (as root)'],
  ].filter(([file]) => !fs.existsSync(file));
  if (missing.length > 0) throw new Error(missing.map(([file, fix]) => `${file} is missing: run \`${fix}\``).join('; '));
}

/** `vscode-remote://remote/<abs path>`: how the payload names a path on the server. */
function remoteUri(absPath) {
  return `vscode-remote://remote${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

async function runInBrowser(server, runDir, timeoutSeconds, testsIndex) {
  const { chromium } = require('playwright-core');
  const context = await chromium.launchPersistentContext(path.join(runDir, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: server.env,
  });
  const browserErrors = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => browserErrors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Failed loads are reported with their URL below.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) browserErrors.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      // vsda (Microsoft's closed signing module) is never shipped by code-server: always 404, harmless.
      if (response.status() >= 400 && !response.url().includes('/vsda/')) browserErrors.push(`HTTP ${response.status()} ${response.url()}`);
    });
    let finish;
    const exited = new Promise((resolve) => {
      finish = resolve;
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // Mocha writes format strings (`%s`), so format as console.log would.
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (line.startsWith('Ignoring fetching additional builtin extensions')) return; // the empty gallery, repeated
      if (type === 'error') process.stderr.write(`${line}\n`);
      else process.stdout.write(`${line}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish({ code: Number(code) }));
    const payload = [
      ['extensionDevelopmentPath', remoteUri(root)],
      ['extensionTestsPath', remoteUri(testsIndex.replace(/\.js$/, ''))],
    ];
    await page.goto(server.workbenchUrl(payload));
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ code: 1, timedOut: true }), timeoutSeconds * 1000);
    });
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    return { ...outcome, browserErrors };
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * What the extension host logged that explains a failure: the extension's
 * own output channel and every error line of the extension host log.
 */
function printExtensionHostLogs(runDir) {
  const logsDir = path.join(runDir, 'user-data', 'logs');
  const files = [];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(logsDir);
  for (const file of files.filter((f) => f.includes('eventbus-debugger.eventbus-debugger'))) {
    log(`${path.relative(runDir, file)} (last 40 lines):`);
    console.log(fs.readFileSync(file, 'utf8').split('\n').slice(-40).join('\n'));
  }
  for (const file of files.filter((f) => path.basename(f) === 'remoteexthost.log')) {
    const errors = fs.readFileSync(file, 'utf8').split('\n').filter((line) => /\[(error|warning)\]/.test(line));
    if (errors.length === 0) continue;
    log(`${path.relative(runDir, file)}: ${errors.length} error/warning lines (first 20):`);
    for (const line of errors.slice(0, 20)) console.log(`  ${line.slice(0, 400)}`);
  }
}

/** One pass: its workspace, a server, a browser attached until the suite reports its exit code. */
async function runPass(pass, options) {
  const started = Date.now();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), `eventbus-e2e-${pass.name}-`));
  let code = 1;
  let server;
  log(`--- pass ${pass.name} ---`);
  try {
    const fixture = pass.prepare(runDir);
    if (fixture.findings) log(`workspace ${fixture.workspace}: ${fixture.findings.length} findings from eventbus validate`);
    else log(`workspace ${fixture.workspace}`);
    server = await startVsCodeServer({ runDir, workspace: fixture.workspace, trustWorkspace: pass.trustWorkspace, userSettings: pass.userSettings });
    log(`code-server ${server.url} answered in ${(server.startMs / 1000).toFixed(1)} s (process group ${server.pid})`);
    const outcome = await runInBrowser(server, runDir, options.timeoutSeconds, pass.testsIndex);
    code = outcome.code;
    if (outcome.timedOut) log(`TIMED OUT: the ${pass.name} suite did not report an exit code within ${options.timeoutSeconds} s`);
    if (code !== 0 && outcome.browserErrors.length > 0) {
      log(`browser errors (first 20 of ${outcome.browserErrors.length}):`);
      for (const line of outcome.browserErrors.slice(0, 20)) console.log(`  ${line}`);
    }
  } catch (error) {
    console.error(`[e2e] pass ${pass.name} could not run: ${error.stack ?? error.message}`);
    code = 1;
  } finally {
    if (server) await server.stop();
  }
  if (code !== 0) printExtensionHostLogs(runDir);
  log(`pass ${pass.name}: extension host tests exited with ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (code === 0 && !options.keep) fs.rmSync(runDir, { recursive: true, force: true });
  else log(`run folder kept: ${runDir} (code-server.log, user-data/logs/, fixture.json)`);
  return code;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  requireBuilt();
  const started = Date.now();
  const failed = [];
  // One pass at a time: each server and browser takes most of this machine's two cores.
  for (const pass of PASSES.filter((p) => options.passes.includes(p.name))) {
    if ((await runPass(pass, options)) !== 0) failed.push(pass.name);
  }
  log(`extension host tests: ${options.passes.length - failed.length} of ${options.passes.length} passes exited 0${failed.length ? ` (failed: ${failed.join(', ')})` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e] could not run the extension host tests: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
