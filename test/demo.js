#!/usr/bin/env node
// `npm run demo`: sets itself up (dependencies, build), generates a sample
// store with a few faults, and walks through what the engine and the
// `eventbus` CLI show on it. (The VS Code part opens the same store once the
// extension lands; see README.)
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');

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

function main() {
  if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
    if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) process.exit(1);
  }
  if (run(process.execPath, ['esbuild.js']) !== 0) process.exit(1);
  const workspace = path.join(os.tmpdir(), 'eventbus-demo');
  const store = path.join(workspace, 'event_store');
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(workspace, { recursive: true });
  console.log(`Generating a sample store in ${store}`);
  eventbus(['generate', '--events', '20000', '--out', store, '--seed', '7', '--with-errors']);
  eventbus(['stats', '--store', store]);
  eventbus(['validate', '--store', store]);
  const firstTrade = JSON.parse(eventbus(['events', '--store', store, '--type', 'trade_executed', '--limit', '1'], { show: false }).stdout);
  const aggregate = firstTrade.metadata.aggregate_id;
  eventbus(['correlation', firstTrade.metadata.correlation_id, '--store', store]);
  eventbus(['replay', '--store', store, '--aggregate', aggregate, '--to', '150']);
  eventbus(['rebuild', '--store', store, '--aggregate', aggregate, '--at', '150']);
  eventbus(['snapshots', '--store', store]);
  eventbus(['snapshot', 'verify', '--store', store]);
  eventbus(['publish', 'risk_alert', '--store', store, '--aggregate', aggregate, '--source', 'demo', '--data', JSON.stringify({ alert_type: 'drawdown', severity: 'high', message: 'demo alert', metric: 'drawdown', value: 0.12, threshold: 0.1 })]);
  console.log(`\nThe store stays in ${store}; try: node dist/cli.js --help`);
}

main();
