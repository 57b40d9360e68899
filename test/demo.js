#!/usr/bin/env node
// `npm run demo`: sets itself up (dependencies, build), generates a sample
// store with a few faults, shows what the `eventbus` CLI says about it, and
// opens it in VS Code with the extension loaded: the local `code` when it is
// on PATH, otherwise a real VS Code (code-server, the one the tests use) on
// 127.0.0.1 whose URL is printed. Ctrl-C stops everything it started.
//
//   node test/demo.js [--no-editor]   (--no-editor: the CLI part only)
'use strict';
const { spawnSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
const withEditor = !process.argv.includes('--no-editor');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function eventbus(args, { show = true } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  if (show) {
    console.log(`\n$ eventbus ${args.join(' ')}`);
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
  }
  return result;
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** A workspace folder holding event_store/: three days, the first gzipped, a handful of faults. */
function makeWorkspace() {
  const workspace = path.join(os.tmpdir(), 'eventbus-demo');
  const store = path.join(workspace, 'event_store');
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(workspace, { recursive: true });
  console.log(`Generating a sample store in ${store}`);
  eventbus(['generate', '--events', '30000', '--out', store, '--seed', '7', '--with-errors', '--days', '3']);
  const firstDay = path.join(store, 'events', 'events_2024-01-15.jsonl');
  if (fs.existsSync(firstDay)) {
    fs.writeFileSync(`${firstDay}.gz`, zlib.gzipSync(fs.readFileSync(firstDay)));
    fs.rmSync(firstDay);
  }
  return { workspace, store };
}

function showCli(store) {
  eventbus(['stats', '--store', store]);
  eventbus(['validate', '--store', store]);
  const firstTrade = JSON.parse(eventbus(['events', '--store', store, '--type', 'trade_executed', '--limit', '1'], { show: false }).stdout);
  const aggregate = firstTrade.metadata.aggregate_id;
  eventbus(['correlation', firstTrade.metadata.correlation_id, '--store', store]);
  eventbus(['rebuild', '--store', store, '--aggregate', aggregate, '--at', '150']);
  eventbus(['snapshot', 'verify', '--store', store]);
}

async function openInCodeServer(workspace) {
  if (run(process.execPath, [path.join(root, 'test', 'e2e', 'setup.js'), '--no-compile']) !== 0) {
    throw new Error('could not set up the local VS Code (code-server); see above');
  }
  const { startVsCodeServer } = require(path.join(root, 'test', 'e2e', 'vscodeServer.js'));
  const runDir = path.join(os.tmpdir(), 'eventbus-demo-vscode');
  fs.rmSync(runDir, { recursive: true, force: true });
  const server = await startVsCodeServer({ runDir, workspace });
  const url = server.workbenchUrl([['extensionDevelopmentPath', `vscode-remote://remote${root}`]]);
  console.log('\nVS Code with the Event Bus extension is running. Open this URL in a browser on this machine:\n');
  console.log(`  ${url}\n`);
  console.log('Then open an event file (Ctrl+P, "events_") to see the diagnostics, hovers and quick fixes.');
  console.log('Press Ctrl-C to stop.');
  await new Promise((resolve) => {
    const stop = () => void server.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

async function main() {
  if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
    if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) process.exit(1);
  }
  if (run(process.execPath, ['esbuild.js']) !== 0) process.exit(1);
  const { workspace, store } = makeWorkspace();
  showCli(store);
  if (!withEditor) return;
  if (onPath('code')) {
    console.log(`\nOpening ${workspace} in VS Code with the extension loaded from ${root}`);
    spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, workspace], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  await openInCodeServer(workspace);
}

main().catch((error) => {
  console.error(`demo: ${error.message}`);
  process.exit(1);
});
