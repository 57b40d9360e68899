#!/usr/bin/env node
// Issue 11, the editor on a big store, measured in a real VS Code: code-server
// (as the UI tier runs it) opens a workspace whose `eventbus.storePath` is the
// given store, headless chromium shows the Event Bus container, and we time
// the Aggregates view until it lists aggregates, then wait for the store to be
// validated. Peak RSS of the language server and of the extension host come
// from /proc/<pid>/status (VmHWM), read just before the server group stops.
//
//   node test/bench/vscodeOpen.js --store DIR --mode indexed|cold|baseline [--settle-ms N]
//
// indexed:  the store's persisted index (.eventbus/) is used as it is;
// cold:     the .eventbus folder is moved aside for the run and put back after
//           (the index the server writes meanwhile is removed);
// baseline: the same workspace with the extension not loaded (what the
//           workbench and its extension host cost without us).
// Prints one JSON line: { mode, filledMs, workbenchMs, clickedMs, serverSpawnedMs, requests, settledMs, serverPeakMb, hostPeakMb, indexBuildPeakMb, validated }.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const e2eDir = path.join(root, 'test', 'e2e');
const { launchChromium, remoteUri } = require(path.join(e2eDir, 'browser'));
const { startVsCodeServer } = require(path.join(e2eDir, 'vscodeServer'));

function parseArgs(argv) {
  const options = { store: '', mode: 'indexed', settleMs: 240_000, fillMs: 300_000 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--store') options.store = path.resolve(argv[++i]);
    else if (argv[i] === '--mode') options.mode = argv[++i];
    else if (argv[i] === '--settle-ms') options.settleMs = Number(argv[++i]);
    else if (argv[i] === '--fill-ms') options.fillMs = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!fs.existsSync(path.join(options.store, 'events'))) throw new Error(`--store ${options.store}: no events/ folder there`);
  if (!['indexed', 'cold', 'baseline'].includes(options.mode)) throw new Error(`--mode must be indexed, cold or baseline, got ${options.mode}`);
  return options;
}

/** Pids of a process group, with their command lines. */
function groupProcesses(pgid) {
  const found = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command (in parentheses, which may hold spaces): state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ');
      found.push({ pid: Number(name), cmdline });
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

/** Peak and current resident set of a process in MB (VmHWM, VmRSS), or null when it is gone. */
function memoryOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return null;
  }
}

/** The language server (our dist/server.js) and the extension host of a code-server group. */
function ourProcesses(pgid) {
  const all = groupProcesses(pgid);
  const server = all.find((p) => p.cmdline.includes(path.join(root, 'dist', 'server.js')));
  const host = all.find((p) => /--type=extensionHost/.test(p.cmdline));
  // A store without a persisted index is indexed by a child of the server (src/server/indexInChildProcess.ts).
  const indexBuild = all.find((p) => p.cmdline.includes(path.join(root, 'dist', 'indexBuild.js')));
  return { server, host, indexBuild };
}

/** The server's traced requests as [ms after page load began, what, ms it took]. */
function traceOf(file, started) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' '))
    .map(([at, what, took]) => [Number(at) - started, what, Number(took)]);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-vscode-open-'));
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  const cacheDir = path.join(options.store, '.eventbus');
  const asideDir = path.join(options.store, '.eventbus-bench-aside');
  if (options.mode === 'cold' && fs.existsSync(cacheDir)) fs.renameSync(cacheDir, asideDir);
  // The language server appends its requests' timings here (src/server/requestTrace.ts): where the open time goes.
  const traceFile = path.join(runDir, 'requests.trace');
  process.env.EVENTBUS_TRACE_REQUESTS = traceFile;
  let server;
  let context;
  const result = { mode: options.mode, store: options.store, filledMs: null, workbenchMs: null, settledMs: null, serverPeakMb: null, hostPeakMb: null, indexBuildPeakMb: null, validated: false };
  try {
    server = await startVsCodeServer({ runDir, workspace, userSettings: { 'eventbus.storePath': options.store } });
    context = await launchChromium(path.join(runDir, 'chromium-profile'), server.env);
    const page = await context.newPage();
    const payload = options.mode === 'baseline' ? [] : [['extensionDevelopmentPath', remoteUri(root)]];
    const started = Date.now();
    await page.goto(server.workbenchUrl(payload));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    result.workbenchMs = Date.now() - started;
    let peaks = { server: 0, host: 0, indexBuild: 0 };
    const sample = () => {
      const { server: ls, host, indexBuild } = ourProcesses(server.pid);
      if (indexBuild) peaks.indexBuild = Math.max(peaks.indexBuild, memoryOf(indexBuild.pid)?.peakMb ?? 0);
      if (ls) peaks.server = Math.max(peaks.server, memoryOf(ls.pid)?.peakMb ?? 0);
      if (host) peaks.host = Math.max(peaks.host, memoryOf(host.pid)?.peakMb ?? 0);
    };
    const marks = { clickedMs: null, serverSpawnedMs: null };
    if (options.mode === 'baseline') {
      // The workbench with its extension host and nothing of ours: give it the time it needs to settle.
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        sample();
        await page.waitForTimeout(500);
      }
    } else {
      const item = page.locator('.activitybar .action-item a[aria-label^="Event Bus"]');
      await item.waitFor({ timeout: 60_000 });
      if (!(await page.locator('.monaco-list[aria-label="Aggregates"]').isVisible())) await item.click();
      marks.clickedMs = Date.now() - started;
      const rows = page.locator('.monaco-list[aria-label="Aggregates"] .monaco-list-row');
      const fillDeadline = Date.now() + options.fillMs;
      for (;;) {
        const first = await rows.first().innerText({ timeout: 200 }).catch(() => '');
        if (first.trim().length > 0 && !/Opening the event store|indexing|validating|Could not|No event store/.test(first)) break;
        if (Date.now() > fillDeadline) throw new Error(`the Aggregates view did not fill within ${options.fillMs / 1000} s (last row: ${first})`);
        sample();
        if (marks.serverSpawnedMs === null && ourProcesses(server.pid).server) marks.serverSpawnedMs = Date.now() - started;
        await page.waitForTimeout(100);
      }
      result.filledMs = Date.now() - started;
      // Then until the status bar no longer says indexing/validating: the server's peak includes validating the store.
      const status = page.locator('.statusbar-item', { hasText: /events/ }).first();
      const settleDeadline = Date.now() + options.settleMs;
      while (Date.now() < settleDeadline) {
        sample();
        const text = await status.innerText({ timeout: 500 }).catch(() => '');
        if (/events/.test(text) && !/indexing|validating/.test(text)) {
          result.validated = true;
          break;
        }
        await page.waitForTimeout(500);
      }
      result.settledMs = Date.now() - started;
    }
    sample();
    Object.assign(result, marks, { requests: traceOf(traceFile, started) });
    result.serverPeakMb = peaks.server || null;
    result.hostPeakMb = peaks.host || null;
    result.indexBuildPeakMb = peaks.indexBuild || null;
  } finally {
    if (context) await context.close().catch(() => {});
    if (server) await server.stop();
    if (options.mode === 'cold' && fs.existsSync(asideDir)) {
      fs.rmSync(cacheDir, { recursive: true, force: true });
      fs.renameSync(asideDir, cacheDir);
    }
    fs.rmSync(runDir, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
