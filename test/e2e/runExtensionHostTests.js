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
// Usage: node test/e2e/runExtensionHostTests.js [--timeout SECONDS] [--keep]
//   --keep   keep the run folder (it is kept anyway when the run fails)
// Exits with the suite's code; 1 when anything fails to start or times out.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const zlib = require('node:zlib');
const { startVsCodeServer } = require('./vscodeServer');

const e2eDir = __dirname;
const root = path.resolve(e2eDir, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const suiteIndex = path.join(e2eDir, 'out', 'suite', 'index.js');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The day left plain (diagnostics are checked on it) and the day gzipped. */
const PLAIN_DAY = 'events_2024-01-15.jsonl';
const GZIP_DAY = 'events_2024-01-16.jsonl';

function log(message) {
  console.log(`[e2e] ${message}`);
}

function parseArgs(argv) {
  const options = { timeoutSeconds: 150, keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--keep') options.keep = true;
    else if (argv[i] === '--timeout') options.timeoutSeconds = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (expected --timeout SECONDS or --keep)`);
  }
  if (!(options.timeoutSeconds > 0)) throw new Error('--timeout expects a positive number of seconds');
  return options;
}

function requireBuilt() {
  const missing = [
    [path.join(root, 'dist', 'extension.js'), 'node esbuild.js'],
    [path.join(root, 'dist', 'server.js'), 'node esbuild.js'],
    [cli, 'node esbuild.js'],
    [suiteIndex, 'node test/e2e/setup.js'],
    [CHROMIUM, 'node test/e2e/setup.js (as root)'],
  ].filter(([file]) => !fs.existsSync(file));
  if (missing.length > 0) throw new Error(missing.map(([file, fix]) => `${file} is missing: run \`${fix}\``).join('; '));
}

function eventbus(args) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`eventbus ${args.join(' ')}: ${result.error.message}`);
  return result;
}

/** Writes the workspace the suite runs against and returns the fixture it reads. */
function prepareWorkspace(runDir) {
  const workspace = path.join(runDir, 'workspace');
  const store = path.join(workspace, 'event_store');
  fs.mkdirSync(workspace, { recursive: true });
  const generated = eventbus(['generate', '--events', '3000', '--out', store, '--with-errors', '--seed', '5', '--days', '2']);
  if (generated.status !== 0) throw new Error(`eventbus generate failed (${generated.status}): ${generated.stderr}`);
  const plain = path.join(store, 'events', PLAIN_DAY);
  const toGzip = path.join(store, 'events', GZIP_DAY);
  if (!fs.existsSync(plain) || !fs.existsSync(toGzip)) throw new Error(`eventbus generate did not write ${PLAIN_DAY} and ${GZIP_DAY} in ${store}/events`);
  const gzFile = `${toGzip}.gz`;
  fs.writeFileSync(gzFile, zlib.gzipSync(fs.readFileSync(toGzip)));
  fs.rmSync(toGzip);
  // Exit code 1 means "the store has problems", which --with-errors guarantees.
  const validated = eventbus(['validate', '--store', store, '--format', 'json']);
  if (validated.status !== 1) throw new Error(`eventbus validate exited ${validated.status} (expected 1: findings): ${validated.stderr}`);
  const fixture = { repoRoot: root, workspace, store, eventFile: plain, gzFile, findings: JSON.parse(validated.stdout) };
  fs.writeFileSync(path.join(runDir, 'fixture.json'), `${JSON.stringify(fixture, null, 2)}\n`);
  return fixture;
}

/** `vscode-remote://remote/<abs path>`: how the payload names a path on the server. */
function remoteUri(absPath) {
  return `vscode-remote://remote${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

async function runInBrowser(server, runDir, timeoutSeconds) {
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
      ['extensionTestsPath', remoteUri(suiteIndex.replace(/\.js$/, ''))],
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

async function main() {
  const options = parseArgs(process.argv.slice(2));
  requireBuilt();
  const started = Date.now();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-e2e-'));
  let code = 1;
  let server;
  try {
    const fixture = prepareWorkspace(runDir);
    log(`workspace ${fixture.workspace}: ${fixture.findings.length} findings from eventbus validate`);
    server = await startVsCodeServer({ runDir, workspace: fixture.workspace });
    log(`code-server ${server.url} answered in ${(server.startMs / 1000).toFixed(1)} s (process group ${server.pid})`);
    const outcome = await runInBrowser(server, runDir, options.timeoutSeconds);
    code = outcome.code;
    if (outcome.timedOut) log(`TIMED OUT: the suite did not report an exit code within ${options.timeoutSeconds} s`);
    if (code !== 0 && outcome.browserErrors.length > 0) {
      log(`browser errors (first 20 of ${outcome.browserErrors.length}):`);
      for (const line of outcome.browserErrors.slice(0, 20)) console.log(`  ${line}`);
    }
  } finally {
    if (server) await server.stop();
  }
  if (code !== 0) printExtensionHostLogs(runDir);
  log(`extension host tests exited with ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (code === 0 && !options.keep) fs.rmSync(runDir, { recursive: true, force: true });
  else log(`run folder kept: ${runDir} (code-server.log, user-data/logs/, fixture.json)`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e] could not run the extension host tests: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
