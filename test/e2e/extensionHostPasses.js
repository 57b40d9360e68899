// The extension-host passes, declared once: what each one's workspace holds
// (prepared before VS Code starts), which suite folder runs in it, the set-up
// module that runs before its tests, and whether the folder is trusted. Two
// runners read this list: runExtensionHostTests.js (code-server, what CI
// runs) and the repository's .vscode-test.mjs (@vscode/test-cli on a
// desktop, `npx vscode-test`), so both run the same suites.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const e2eDir = __dirname;
const root = path.resolve(e2eDir, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const suiteOut = path.join(e2eDir, 'out', 'suite');

/** The day left plain (diagnostics are checked on it) and the day gzipped. */
const PLAIN_DAY = 'events_2024-01-15.jsonl';
const GZIP_DAY = 'events_2024-01-16.jsonl';

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

/** The CLI's JSON answer (exit 0, or 1 = "the store has problems"). */
function eventbusJson(args) {
  const result = eventbus(args);
  if (result.status !== 0 && result.status !== 1) throw new Error(`eventbus ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** `eventbus events` (every event, store order) counted by a metadata key; events without it are left out. */
function countBy(eventLines, key) {
  const counts = {};
  for (const line of eventLines) {
    const value = line.metadata?.[key];
    if (typeof value === 'string' && value !== '') counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/**
 * The explorer pass: the store in `store/` (named by the workspace setting
 * eventbus.storePath, so no `workspaceContains` event activates the
 * extension before the suite hooks the tree views), plain days only, and
 * what the CLI says the store holds.
 */
function prepareExplorerWorkspace(runDir) {
  const workspace = path.join(runDir, 'workspace');
  const store = path.join(workspace, 'store');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  const settings = { 'eventbus.storePath': 'store', 'eventbus.eventFileGlob': '**/store/events/*.jsonl' };
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  const generated = eventbus(['generate', '--events', '3000', '--out', store, '--with-errors', '--seed', '7', '--days', '2']);
  if (generated.status !== 0) throw new Error(`eventbus generate failed (${generated.status}): ${generated.stderr}`);
  // A gzipped copy outside the store, for eventbus.openDecompressed (inside it, its events would count twice).
  const archive = path.join(workspace, 'archive');
  fs.mkdirSync(archive);
  fs.writeFileSync(path.join(archive, `${PLAIN_DAY}.gz`), zlib.gzipSync(fs.readFileSync(path.join(store, 'events', PLAIN_DAY))));
  const events = eventbus(['events', '--store', store]);
  if (events.status !== 0 && events.status !== 1) throw new Error(`eventbus events exited ${events.status}: ${events.stderr}`);
  const eventLines = events.stdout.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
  const fixture = {
    repoRoot: root,
    workspace,
    store,
    cli,
    archivedGz: path.join(archive, `${PLAIN_DAY}.gz`),
    stats: eventbusJson(['stats', '--store', store, '--json']),
    aggregates: countBy(eventLines, 'aggregate_id'),
    correlations: countBy(eventLines, 'correlation_id'),
    snapshots: eventbusJson(['snapshots', '--store', store, '--json']),
    findings: eventbusJson(['validate', '--store', store, '--format', 'json']),
  };
  fs.writeFileSync(path.join(runDir, 'fixture.json'), `${JSON.stringify(fixture, null, 2)}\n`);
  return fixture;
}

/** The restricted pass: a default-layout store; the suite itself fingerprints it before and after the writing commands. */
function prepareRestrictedWorkspace(runDir) {
  const workspace = path.join(runDir, 'workspace');
  const store = path.join(workspace, 'event_store');
  fs.mkdirSync(workspace, { recursive: true });
  const generated = eventbus(['generate', '--events', '1000', '--out', store, '--with-errors', '--seed', '9', '--days', '2']);
  if (generated.status !== 0) throw new Error(`eventbus generate failed (${generated.status}): ${generated.stderr}`);
  const fixture = { repoRoot: root, workspace, store, cli };
  fs.writeFileSync(path.join(runDir, 'fixture.json'), `${JSON.stringify(fixture, null, 2)}\n`);
  return fixture;
}

/**
 * The multi-root pass: two workspace folders, `alpha/` and `beta/`, each with
 * an event_store/ holding the same aggregates and event ids but different
 * content: every event's data names its store (`store_marker`), and beta
 * lacks the last event of one aggregate. A flow that acts on the wrong store
 * shows the other store's marker or count. Opened as a .code-workspace file.
 */
function prepareMultiRootWorkspace(runDir) {
  const workspaceDir = path.join(runDir, 'workspace');
  const alpha = path.join(workspaceDir, 'alpha', 'event_store');
  const beta = path.join(workspaceDir, 'beta', 'event_store');
  fs.mkdirSync(workspaceDir, { recursive: true });
  const generated = eventbus(['generate', '--events', '400', '--out', alpha, '--seed', '13', '--days', '1']);
  if (generated.status !== 0) throw new Error(`eventbus generate failed (${generated.status}): ${generated.stderr}`);
  fs.cpSync(alpha, beta, { recursive: true });
  const [day] = fs.readdirSync(path.join(alpha, 'events')).filter((f) => f.endsWith('.jsonl'));
  const lines = fs.readFileSync(path.join(alpha, 'events', day), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const events = lines.map((l) => JSON.parse(l));
  const counts = countBy(events, 'aggregate_id');
  const [aggregateId] = Object.entries(counts).filter(([id]) => id !== 'system').sort((x, y) => y[1] - x[1])[0];
  const ofAggregate = events.filter((e) => e.metadata.aggregate_id === aggregateId);
  const dropped = ofAggregate[ofAggregate.length - 1];
  const marked = (store) => (e) => JSON.stringify({ ...e, data: { ...e.data, store_marker: store } });
  fs.writeFileSync(path.join(alpha, 'events', day), `${events.map(marked('alpha')).join('\n')}\n`);
  fs.writeFileSync(path.join(beta, 'events', day), `${events.filter((e) => e !== dropped).map(marked('beta')).join('\n')}\n`);
  // Snapshots and indexes copied from alpha would describe alpha's events.
  for (const extra of ['snapshots', '.index', '.eventbus']) fs.rmSync(path.join(beta, extra), { recursive: true, force: true });
  const workspace = path.join(workspaceDir, 'two-stores.code-workspace');
  fs.writeFileSync(workspace, `${JSON.stringify({ folders: [{ path: 'alpha' }, { path: 'beta' }], settings: {} }, null, 2)}\n`);
  const fixture = {
    repoRoot: root,
    workspace,
    alpha,
    beta,
    aggregateId,
    sharedEventId: ofAggregate[0].metadata.event_id,
    lastSequence: dropped.metadata.sequence_number,
    aggregateEvents: { alpha: ofAggregate.length, beta: ofAggregate.length - 1 },
    storeEvents: { alpha: events.length, beta: events.length - 1 },
  };
  fs.writeFileSync(path.join(runDir, 'fixture.json'), `${JSON.stringify(fixture, null, 2)}\n`);
  return fixture;
}

/**
 * The passes: each gets its own run folder, workspace, server and browser.
 * `restricted` keeps workspace trust on and never asks at start-up, so the
 * folder opens untrusted (restricted mode) with nobody to answer a dialog.
 */
const PASSES = [
  { name: 'core', suiteDir: suiteOut, prepare: prepareWorkspace, trustWorkspace: true, userSettings: {} },
  { name: 'explorer', suiteDir: path.join(suiteOut, 'explorer'), prepare: prepareExplorerWorkspace, trustWorkspace: true, userSettings: {} },
  {
    name: 'restricted',
    suiteDir: path.join(suiteOut, 'restricted'),
    prepare: prepareRestrictedWorkspace,
    trustWorkspace: false,
    userSettings: { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' },
  },
  { name: 'multiroot', suiteDir: path.join(suiteOut, 'multiroot'), prepare: prepareMultiRootWorkspace, trustWorkspace: true, userSettings: {} },
];

/** The module the extension host loads for a pass (its `run()`), and the set-up it runs first. */
for (const pass of PASSES) {
  pass.testsIndex = path.join(pass.suiteDir, 'index.js');
  pass.globalSetup = path.join(pass.suiteDir, 'globalSetup.js');
}

module.exports = { PASSES, root, cli };
