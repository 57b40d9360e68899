#!/usr/bin/env node
// `npm run bench`: builds the bench, generates (once, cached in the OS temp
// folder) the 1,000,000-event store the issues' targets are stated for, runs
// every measurement in a fresh process, prints each figure beside its
// baseline from the same run and writes bench-results.json.
'use strict';
const { spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'out', 'bench');
const events = Number(process.env.EVENTBUS_BENCH_EVENTS ?? 1_000_000);
const quick = process.argv.includes('--quick');
/** `--big`: also the whole-process measures on a 10,000,000-event store (≈5 GB, generated once into the temp folder). */
const big = process.argv.includes('--big');
const bigEvents = Number(process.env.EVENTBUS_BENCH_BIG_EVENTS ?? 10_000_000);
let bigStore = process.env.EVENTBUS_BENCH_BIG_STORE ?? '';
/** `--only a,b`: just these measures (by name, as `engineBench.js list` prints them). */
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;

function build() {
  if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  }
  // The product bundles (dist/server.js is what the language-server measures start).
  execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
  const esbuild = require(path.join(root, 'node_modules', 'esbuild'));
  const entries = {
    engineBench: 'test/bench/engineBench.ts',
    indexWorker: 'src/engine/index/indexWorker.ts',
    validateWorker: 'src/engine/validate/validateWorker.ts',
    projectionWorker: 'src/engine/state/projectionWorker.ts',
  };
  esbuild.buildSync({
    entryPoints: Object.fromEntries(Object.entries(entries).filter(([, f]) => fs.existsSync(path.join(root, f)))),
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  });
}

function runMeasure(name, args = []) {
  const result = spawnSync(process.execPath, ['--expose-gc', path.join(outDir, 'engineBench.js'), name, ...args], {
    cwd: root,
    env: { ...process.env, EVENTBUS_BENCH_STORE: args[0] ?? '', EVENTBUS_BENCH_BIG_STORE: bigStore },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    throw new Error(`measurement ${name} failed (exit ${result.status})`);
  }
  const lastLine = result.stdout.trim().split('\n').pop();
  return JSON.parse(lastLine);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main() {
  build();
  // Keyed by the generator's source, so a changed generator gets a fresh store.
  const generatorDir = path.join(root, 'src', 'engine', 'generate');
  const hash = require('node:crypto').createHash('sha1');
  for (const name of fs.readdirSync(generatorDir).sort()) hash.update(fs.readFileSync(path.join(generatorDir, name)));
  // EVENTBUS_BENCH_1M_STORE: a store made before (a changed generator would otherwise make a fresh one, ~0.5 GB).
  const store = process.env.EVENTBUS_BENCH_1M_STORE || path.join(os.tmpdir(), `eventbus-bench-store-${events}-${hash.digest('hex').slice(0, 8)}`);
  if (!fs.existsSync(path.join(store, 'events'))) {
    console.log(`generating a ${events.toLocaleString('en')}-event store in ${store} …`);
    const generated = runMeasure('generate', [store, String(events)]);
    console.log(`  ${generated.bytes.toLocaleString('en')} bytes in ${generated.files} files (${generated.ms.toFixed(0)} ms)`);
  }
  if (big && !bigStore) {
    bigStore = path.join(os.tmpdir(), `eventbus-bench-store-${bigEvents}-${path.basename(store).split('-').pop()}`);
    if (!fs.existsSync(path.join(bigStore, 'events'))) {
      console.log(`generating a ${bigEvents.toLocaleString('en')}-event store in ${bigStore} …`);
      execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'generate', '--events', String(bigEvents), '--out', bigStore, '--seed', '42'], { stdio: 'inherit' });
    }
  }
  const runs = quick ? 1 : 3;
  const results = [];
  const record = (name, value, unit, target, baseline) => {
    const row = { name, value, unit, target, ...(baseline ? { baseline } : {}) };
    results.push(row);
    const ok = target ? (target.max !== undefined ? value <= target.max : value >= target.min) : true;
    const targetText = target ? (target.max !== undefined ? `≤ ${target.max}` : `≥ ${target.min}`) : '';
    const baselineText = baseline ? `  (baseline ${baseline.name}: ${fmt(baseline.value)} ${baseline.unit}; ratio ${fmt(value / baseline.value)})` : '';
    console.log(`${ok ? 'ok  ' : 'MISS'} ${name}: ${fmt(value)} ${unit} ${targetText}${baselineText}`);
  };

  const measures = runMeasure('list', []).measures.filter((m) => !only || only.has(m.name));
  for (const measure of measures) {
    const samples = [];
    for (let k = 0; k < (measure.runs ?? runs); k++) samples.push(runMeasure(measure.name, [store]));
    for (const figure of samples[0].figures) {
      const values = samples.map((s) => s.figures.find((f) => f.name === figure.name).value);
      const baselineValues = figure.baseline ? samples.map((s) => s.figures.find((f) => f.name === figure.name).baseline.value) : null;
      record(figure.name, median(values), figure.unit, figure.target, figure.baseline ? { ...figure.baseline, value: median(baselineValues) } : undefined);
    }
  }
  const file = path.join(root, 'bench-results.json');
  fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), events, cores: os.availableParallelism(), node: process.version, results }, null, 2));
  console.log(`\nwritten ${path.relative(root, file)}`);
}

function fmt(n) {
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en');
  return Number(n.toPrecision(3)).toString();
}

main();
