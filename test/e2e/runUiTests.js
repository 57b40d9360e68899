#!/usr/bin/env node
// UI end-to-end: a person's clicks and keys in a real VS Code (code-server
// 4.100.3) driven by playwright-core through Debian's chromium.
//
//   packaging  `npm run package` builds the VSIX; it holds bundles, no sources, tests or maps
//   explorer   the Event Bus container lists the store's aggregates (the CLI's, in id order)
//   replay     "Event Bus: Replay Aggregate…" from the palette: pick, range, document
//   problems   the status bar's error count for the store equals `eventbus validate`'s
//   inspector  the time-travel inspector steps and shows a diff (inside its iframe); its
//              slider spans the whole aggregate; play steps at a chosen speed and pauses
//   timeline   "Show in Timeline" on an event row; the event's tooltip inside the iframe
//              (only when package.json contributes eventbus.openTimeline)
//   vsix       the VSIX installed with `code-server --install-extension`, a window
//              WITHOUT extensionDevelopmentPath shows the Event Bus container
//
// Every step saves a screenshot in test-results/ui/. Ends with a mocha-style
// summary ("N passing", "N failing") that test/run.js counts. A browser or
// server that cannot start is a failure, never a skip.
//
// Usage: node test/e2e/runUiTests.js [--keep] [--vsix FILE] [--only TEXT]
//   --vsix FILE   install this VSIX instead of building one with `npm run package`
//   --only TEXT   run only the steps whose name starts with TEXT (the others are
//                 listed as pending): one flow while working on it, not the tier
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { CHROMIUM, launchChromium, remoteUri } = require('./browser');
const { codeServerEntry, startVsCodeServer } = require('./vscodeServer');

const e2eDir = __dirname;
const root = path.resolve(e2eDir, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const resultsDir = path.join(root, 'test-results', 'ui');
const EXTENSION_ID = 'eventbus-debugger.eventbus-debugger';
const AGGREGATE = 'portfolio_1';
const FAULTY_DAY = 'events_2024-01-15.jsonl';
const STEP_TIMEOUT_MS = 45_000;
const BIG_STORE_EVENTS = 300_000;

function log(message) {
  console.log(`[ui] ${message}`);
}

function parseArgs(argv) {
  const options = { keep: false, vsix: undefined, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--keep') options.keep = true;
    else if (argv[i] === '--vsix') options.vsix = path.resolve(argv[++i] ?? '');
    else if (argv[i] === '--only') options.only = argv[++i] ?? '';
    else throw new Error(`unknown argument ${argv[i]} (expected --keep, --vsix FILE or --only TEXT)`);
  }
  return options;
}

function eventbus(args) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`eventbus ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0 && result.status !== 1) throw new Error(`eventbus ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** Two workspaces with the same generated store (one for the source folder, one for the installed VSIX), and what the CLI says about it. */
function prepareWorkspaces(runDir) {
  const workspace = path.join(runDir, 'workspace');
  const store = path.join(workspace, 'event_store');
  eventbus(['generate', '--events', '3000', '--out', store, '--with-errors', '--seed', '5', '--days', '2']);
  const vsixWorkspace = path.join(runDir, 'workspace-vsix');
  fs.cpSync(workspace, vsixWorkspace, { recursive: true });
  // Big enough that opening it (indexing without a persisted index, then validating) takes seconds here.
  const bigWorkspace = path.join(runDir, 'workspace-big');
  eventbus(['generate', '--events', String(BIG_STORE_EVENTS), '--out', path.join(bigWorkspace, 'event_store'), '--seed', '3']);
  const findings = JSON.parse(eventbus(['validate', '--store', store, '--format', 'json']));
  const events = eventbus(['events', '--store', store]).split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  // The views list ids in natural order (trader_2 before trader_10): digit runs padded sort that way by code unit.
  const natural = (id) => id.replace(/\d+/g, (digits) => digits.padStart(20, '0'));
  const aggregates = [...new Set(events.map((e) => e.metadata?.aggregate_id).filter((a) => typeof a === 'string'))].sort((a, b) => (natural(a) < natural(b) ? -1 : natural(a) > natural(b) ? 1 : 0));
  const replayOf = (aggregateId) =>
    JSON.parse(eventbus(['replay', '--store', store, '--aggregate', aggregateId, '--json'])).map((e) => ({ sequence: e.metadata.sequence_number, id: e.metadata.event_id, type: e.event_type }));
  return {
    workspace,
    vsixWorkspace,
    bigWorkspace,
    store,
    aggregates,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    replay: replayOf(AGGREGATE),
    firstReplay: replayOf(aggregates[0]),
  };
}

/** The day file (name) and the 1-based line of the event with this id, as the store holds it. */
function eventLine(store, eventId) {
  const eventsDir = path.join(store, 'events');
  for (const file of fs.readdirSync(eventsDir).filter((name) => name.endsWith('.jsonl')).sort()) {
    const index = fs.readFileSync(path.join(eventsDir, file), 'utf8').split('\n').findIndex((text) => new RegExp(`"event_id":\\s*"${eventId}"`).test(text));
    if (index >= 0) return { file, line: index + 1 };
  }
  throw new Error(`no day file of ${store} holds the event ${eventId}`);
}

// ------------------------------------------------------------ packaging

/** Entries of a zip file (the VSIX), read with yauzl (a dependency of @vscode/vsce in the root). */
function zipEntries(file) {
  const yauzl = require(path.join(root, 'node_modules', 'yauzl'));
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names = [];
      zip.on('entry', (entry) => {
        names.push({ name: entry.fileName, size: entry.uncompressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function buildVsix() {
  const out = path.join(root, 'eventbus-debugger.vsix');
  fs.rmSync(out, { force: true });
  const result = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }, input: '' });
  if (result.error) throw new Error(`npm run package: ${result.error.message}`);
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`npm run package exited ${result.status}:\n${output.split('\n').filter((l) => /ERROR|WARNING|error/i.test(l)).join('\n') || output.slice(-2000)}`);
  for (const line of output.split('\n')) if (/WARNING/.test(line)) log(`vsce: ${line.trim()}`);
  if (!fs.existsSync(out)) throw new Error(`npm run package exited 0 but wrote no ${out}`);
  return out;
}

// ------------------------------------------------------------ workbench helpers

/** An event tab's title, `type #seq (aggregate)`, as a pattern (monaco and the tab bar may render spaces as no-break spaces). */
function eventTabTitle(event, aggregate) {
  const escape = (text) => String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escape(event.type)}\\s#${event.sequence}\\s\\(${escape(aggregate)}\\)`);
}

async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
  // The first paint still settles (status bar, activity bar): the container item is a good sign it is done.
}

async function showEventBusContainer(page) {
  const item = page.locator('.activitybar .action-item a[aria-label^="Event Bus"]');
  await item.waitFor({ timeout: 30_000 });
  // A click on the item of the container already shown would hide it.
  if (await page.locator('.monaco-list[aria-label="Aggregates"]').isVisible()) return;
  await item.click();
}

function treeRows(page, viewName) {
  return page.locator(`.monaco-list[aria-label="${viewName}"] .monaco-list-row`);
}

async function waitForText(locator, pattern, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    last = (await locator.textContent().catch(() => '')) ?? '';
    if (pattern.test(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: expected ${pattern}, last saw "${last.slice(0, 200)}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function quickInput(page) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  return input;
}

/** F1, the command's title, Enter on its row. */
async function runFromPalette(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = await quickInput(page);
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 10_000 });
  await row.click();
}

/**
 * In a quick pick that searches as one types: type `text`, then choose the
 * row labelled exactly `label`. The server's answer replaces the rows a
 * moment after typing; a click that lands while they are swapped picks
 * nothing, so it is repeated until the pick moves on.
 */
async function pickInQuickInput(page, text, label) {
  const input = await quickInput(page);
  await input.fill(text);
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
  for (let attempt = 1; ; attempt++) {
    await row.waitFor({ timeout: 15_000 });
    await page.waitForTimeout(200);
    await row.click().catch(() => {});
    const moved = await row.waitFor({ state: 'hidden', timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (moved) return;
    if (attempt === 3) throw new Error(`the quick pick did not take the row ${label} after 3 clicks`);
  }
}

async function closeAllEditors(page) {
  await runFromPalette(page, 'View: Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
}

/** The webview document of the active webview panel (the workbench nests it in two iframes). */
function webviewFrame(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

// ------------------------------------------------------------ steps

const results = [];
/** --only: the start of the names of the steps to run. */
let onlySteps;

async function step(name, page, body, timeoutMs = STEP_TIMEOUT_MS) {
  if (onlySteps !== undefined && !name.startsWith(onlySteps)) return skipStep(name, `not selected by --only ${onlySteps}`);
  const started = Date.now();
  let timer;
  try {
    await Promise.race([
      body(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`step did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
    results.push({ name, ok: true, ms: Date.now() - started });
    console.log(`  ✔ ${name} (${Date.now() - started}ms)`);
  } catch (error) {
    results.push({ name, ok: false, ms: Date.now() - started, error });
    console.log(`  ✗ ${name} (${Date.now() - started}ms)\n      ${String(error.stack ?? error.message).split('\n').slice(0, 6).join('\n      ')}`);
  } finally {
    clearTimeout(timer);
    if (page) {
      const file = path.join(resultsDir, `${String(results.length).padStart(2, '0')}-${name.split(':')[0].replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
      // Toasts and hovers fade in: give them a moment before the picture.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await page.screenshot({ path: file }).catch((error) => log(`screenshot ${file} failed: ${error.message}`));
    }
  }
}

function skipStep(name, why) {
  results.push({ name, ok: true, pending: why });
  console.log(`  - ${name} (pending: ${why})`);
}

function openPage(context, server, url) {
  return (async () => {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /eventbus|Event Bus/i.test(message.text())) problems.push(`console: ${message.text().slice(0, 300)}`);
    });
    await page.goto(url);
    await waitForWorkbench(page);
    return { page, problems };
  })();
}

async function uiSteps(context, server, fixture, vsixFile) {
  const { page, problems } = await openPage(context, server, server.workbenchUrl([['extensionDevelopmentPath', remoteUri(root)]]));

  await step('explorer: the Event Bus container lists the store\'s aggregates in id order', page, async () => {
    await showEventBusContainer(page);
    const rows = treeRows(page, 'Aggregates');
    await rows.first().waitFor({ timeout: 30_000 });
    await waitForText(rows.first(), new RegExp(`^${fixture.aggregates[0]}`), 'the first Aggregates row');
    const labels = await page.locator('.monaco-list[aria-label="Aggregates"] .monaco-list-row .label-name').allTextContents();
    // The list renders what fits on screen: those rows are the CLI's first aggregates, in order.
    if (labels.length < 3) throw new Error(`only ${labels.length} Aggregates rows rendered`);
    const expected = fixture.aggregates.slice(0, labels.length);
    if (JSON.stringify(labels) !== JSON.stringify(expected)) throw new Error(`rows ${JSON.stringify(labels)}, expected ${JSON.stringify(expected)}`);
    const status = page.locator('.statusbar-item', { hasText: /events/ }).first();
    await waitForText(status, /live · 3,000 events · \d+ errors/, 'the Event Bus status bar item');
    // An aggregate expands to its events (#seq type); a click on one opens it as a JSON document.
    await rows.first().click();
    const [first] = fixture.firstReplay;
    const eventRow = treeRows(page, 'Aggregates').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^#${first.sequence} ${first.type}$`) }) }).first();
    await eventRow.click();
    await waitForText(page.locator('.tabs-container .tab.active'), eventTabTitle(first, fixture.aggregates[0]), 'the event document tab');
    await waitForText(page.locator('.editor-instance .monaco-editor .view-lines'), new RegExp(`"event_id":\\s*"${first.id}"`), 'the event document');
    await page.mouse.move(700, 600);
  });

  await step('replay: "Event Bus: Replay Aggregate…" from the palette opens the replay document', page, async () => {
    await runFromPalette(page, 'Event Bus: Replay Aggregate…');
    await pickInQuickInput(page, AGGREGATE, AGGREGATE);
    const [a, , c] = fixture.replay;
    const input = await quickInput(page);
    await waitForText(page.locator('.quick-input-widget .quick-input-title'), new RegExp(`Replay ${AGGREGATE}`), 'the range input');
    await input.fill(`${a.sequence}-${c.sequence}`);
    await input.press('Enter');
    const tab = page.locator('.tabs-container .tab.active');
    await waitForText(tab, new RegExp(`replay ${AGGREGATE} .*\\.txt`), 'the active tab');
    const editorLines = page.locator('.editor-instance .monaco-editor .view-lines');
    await waitForText(editorLines, new RegExp(`#${a.sequence}\\s`), 'the replay document');
    // One row per event: `#seq  time  type  source  inspect  change` (Monaco renders spaces as U+00A0).
    const texts = (await page.locator('.editor-instance .monaco-editor .view-lines .view-line').allTextContents()).map((t) => t.replace(/\u00a0/g, ' '));
    const rows = texts.filter((t) => /^#\d+ /.test(t));
    if (rows.length !== 3) throw new Error(`the replay shows ${rows.length} event rows, expected 3 (sequences ${a.sequence}-${c.sequence}): ${texts.join(' | ')}`);
    for (const [i, row] of rows.entries()) {
      const expected = fixture.replay[i];
      if (!row.startsWith(`#${expected.sequence} `) || !row.includes(expected.type) || !row.includes('inspect')) throw new Error(`row ${i + 1} "${row}" is not #${expected.sequence} ${expected.type}`);
    }
    await page.screenshot({ path: path.join(resultsDir, 'replay-document.png') }).catch(() => {});
  });

  await step('replay: a correlation\'s replay document ends with the causation tree and the time each hop took', page, async () => {
    await runFromPalette(page, 'Event Bus: Replay Correlation…');
    const input = await quickInput(page);
    const row = page.locator('.quick-input-widget .monaco-list-row').first();
    await row.waitFor({ timeout: 15_000 });
    await input.press('Enter');
    await waitForText(page.locator('.tabs-container .tab.active'), /replay correlation .*\.txt/, 'the correlation replay tab');
    await waitForText(page.locator('.editor-instance .monaco-editor .view-lines'), /Causation\s+tree/, 'the causation tree heading');
    await page.screenshot({ path: path.join(resultsDir, 'replay-correlation.png') }).catch(() => {});
  });

  await step('problems: the status bar counts the errors `eventbus validate` reports for the store', page, async () => {
    await closeAllEditors(page);
    await page.keyboard.press('Control+P');
    const input = await quickInput(page);
    await input.fill(FAULTY_DAY);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: FAULTY_DAY }).first().waitFor({ timeout: 10_000 });
    await input.press('Enter');
    await waitForText(page.locator('.tabs-container .tab.active'), new RegExp(FAULTY_DAY), 'the faulty day tab');
    const problemsItem = page.locator('[id="status.problems"] a').first();
    const expected = new RegExp(`Errors: ${fixture.errors}\\b`);
    const deadline = Date.now() + 30_000;
    let label = '';
    while (!expected.test(label)) {
      label = (await problemsItem.getAttribute('aria-label').catch(() => '')) ?? '';
      if (Date.now() > deadline) throw new Error(`status.problems says "${label}", expected Errors: ${fixture.errors}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 10_000 });
  });

  await step('inspector: the time-travel inspector steps through the aggregate and shows a diff', page, async () => {
    await page.keyboard.press('Control+J').catch(() => {}); // hide the panel: more room for the webview
    await closeAllEditors(page);
    await runFromPalette(page, 'Event Bus: Open Time-Travel Inspector…');
    await pickInQuickInput(page, AGGREGATE, AGGREGATE);
    await waitForText(page.locator('.tabs-container .tab.active'), new RegExp(`Time-Travel Inspector — ${AGGREGATE}`), 'the inspector tab');
    const frame = webviewFrame(page);
    await frame.locator('#steps li').nth(2).waitFor({ timeout: 20_000 });
    await waitForText(frame.locator('h1.title'), new RegExp(`Time-Travel Inspector — ${AGGREGATE}`), 'the inspector title');
    await frame.locator('#steps li').nth(2).click();
    const [, , third] = fixture.replay;
    await waitForText(frame.locator('#detail h2'), new RegExp(`^#${third.sequence} ${third.type}`), 'the selected step');
    await waitForText(frame.locator('#detail table.diff caption'), /Changes from #\d+/, 'the diff caption');
    const diffRows = await frame.locator('#detail table.diff tbody tr').count();
    if (diffRows === 0) throw new Error('the diff has no rows');
    await waitForText(frame.locator('#position'), new RegExp(`step 3 of ${fixture.replay.length}`), 'the position');
  });

  await step('inspector: the slider spans the whole aggregate, and play steps through it at the chosen speed until paused', page, async () => {
    const frame = webviewFrame(page);
    const last = fixture.replay[fixture.replay.length - 1];
    const max = await frame.locator('#slider').getAttribute('max');
    if (max !== String(fixture.replay.length - 1)) throw new Error(`the slider ends at ${max}, expected ${fixture.replay.length - 1} (every event of ${AGGREGATE})`);
    await frame.locator('#slider').fill(String(fixture.replay.length - 1));
    await waitForText(frame.locator('#detail h2'), new RegExp(`^#${last.sequence} ${last.type}`), 'the last step, from the slider');
    await waitForText(frame.locator('#position'), new RegExp(`^step ${fixture.replay.length} of ${fixture.replay.length}$`), 'the position');
    await frame.locator('#slider').fill('0');
    await waitForText(frame.locator('#detail h2'), new RegExp(`^#${fixture.replay[0].sequence} `), 'the first step');
    await frame.locator('#speed').selectOption('8');
    await frame.locator('#play').click();
    await waitForText(frame.locator('#play'), /^Pause$/, 'the play button while playing');
    // At 8 steps a second each step shows for about 125 ms: wait until play is at the third step or past it, not for one glimpse of it.
    const pastThird = new RegExp(`^step ([3-9]|[1-9][\\d,]+) of `);
    await waitForText(frame.locator('#position'), pastThird, 'play reaching the third step', 15_000);
    await frame.locator('#play').click();
    await waitForText(frame.locator('#play'), /^Play$/, 'the play button once paused');
    const paused = await frame.locator('#detail h2').textContent();
    await new Promise((resolve) => setTimeout(resolve, 700));
    const after = await frame.locator('#detail h2').textContent();
    if (after !== paused) throw new Error(`the inspector moved on while paused: ${paused} -> ${after}`);
    await page.screenshot({ path: path.join(resultsDir, 'inspector-slider-play.png') }).catch(() => {});
  });

  await step('debugger: a breakpoint on an event line, "Debug This Aggregate" stops there with the state in Variables; Step Back shows the previous event', page, async () => {
    await closeAllEditors(page);
    const aggregate = fixture.aggregates[0];
    if (fixture.firstReplay.length < 3) throw new Error(`${aggregate} has ${fixture.firstReplay.length} events: the step needs 3`);
    const [, previous, target] = fixture.firstReplay;
    const { file: day, line } = eventLine(fixture.store, target.id);
    const previousLine = eventLine(fixture.store, previous.id);
    // Open the day file at the event's line (Ctrl+P then :line) and toggle a breakpoint there with F9.
    await page.keyboard.press('Control+P');
    let input = await quickInput(page);
    await input.fill(day);
    // Quick Open searches files with ripgrep: right after the window opens that can take a while here.
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: day }).first().waitFor({ timeout: 30_000 });
    await input.press('Enter');
    await waitForText(page.locator('.tabs-container .tab.active'), new RegExp(day.replace(/\./g, '\\.')), 'the day file tab');
    await page.keyboard.press('Control+P');
    input = await quickInput(page);
    await input.fill(`:${line}`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: `line ${line}` }).first().waitFor({ timeout: 10_000 });
    await input.press('Enter');
    const selection = page.locator('[id="status.editor.selection"]');
    await waitForText(selection, new RegExp(`Ln ${line},`), 'the cursor on the event line');
    await page.keyboard.press('F9');
    await page.locator('.editor-instance .monaco-editor .codicon-debug-breakpoint').first().waitFor({ timeout: 10_000 });
    // "Debug This Aggregate" from the aggregate row's context menu.
    await showEventBusContainer(page);
    const row = treeRows(page, 'Aggregates').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${aggregate}$`) }) }).first();
    await row.click({ button: 'right' });
    await page.locator('.context-view .action-item', { hasText: 'Debug This Aggregate' }).first().click();
    // Stopped on the breakpoint: the Call Stack's top frame is the event, the editor shows its line.
    const callStack = page.locator('.monaco-list[aria-label="Debug Call Stack"] .monaco-list-row');
    const frameName = (event) => new RegExp(`${event.type}\\s#${event.sequence}\\s·\\s${aggregate}`);
    await waitForText(callStack.filter({ hasText: /#\d+/ }).first(), frameName(target), 'the top frame of the Call Stack', 30_000);
    await waitForText(page.locator('.tabs-container .tab.active'), new RegExp(day.replace(/\./g, '\\.')), 'the day file tab while stopped');
    await waitForText(selection, new RegExp(`Ln ${line},`), 'the editor on the stopped event\'s line');
    await page.locator('.editor-instance .monaco-editor .debug-top-stack-frame-line').first().waitFor({ timeout: 10_000 });
    // Variables: the event and the aggregate's state around it.
    const variables = page.locator('.monaco-list[aria-label="Debug Variables"]');
    await waitForText(variables, new RegExp(`State after \\(${aggregate}\\)`), 'the Variables view', 15_000);
    await waitForText(variables, new RegExp(`event_type.*${target.type}`), 'the event in the Variables view', 15_000);
    await page.mouse.move(700, 600);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(resultsDir, 'debugger.png') }).catch(() => {});
    // Step Back (the debug toolbar's button): the previous event, its line, its state.
    await page.locator('.debug-toolbar .action-item .action-label[aria-label^="Step Back"]').first().click();
    await waitForText(callStack.filter({ hasText: /#\d+/ }).first(), frameName(previous), 'the top frame after Step Back', 15_000);
    if (previousLine.file === day) await waitForText(selection, new RegExp(`Ln ${previousLine.line},`), 'the editor on the previous event\'s line');
    await waitForText(variables, new RegExp(`event_type.*${previous.type}`), 'the previous event in the Variables view', 15_000);
    await page.locator('.debug-toolbar .action-item .action-label[aria-label^="Stop"]').first().click();
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 15_000 });
    // The breakpoint stays in the workbench: remove it so later steps run without one.
    await runFromPalette(page, 'Remove All Breakpoints');
  });

  await step('debugger: an open inspector of the aggregate follows the session, step by step', page, async () => {
    await closeAllEditors(page);
    const aggregate = fixture.aggregates[0];
    const [first, second] = fixture.firstReplay;
    // The day file in one group and the inspector in a second: the session shows its lines in the first, the inspector stays in view.
    // (Opening the file first, from the workbench, and splitting its editor is reliable; keys sent while the inspector has focus are not.)
    const { file: day } = eventLine(fixture.store, first.id);
    await page.keyboard.press('Control+P');
    const input = await quickInput(page);
    await input.fill(day);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: day }).first().waitFor({ timeout: 30_000 });
    await input.press('Enter');
    await waitForText(page.locator('.tabs-container .tab.active'), new RegExp(day.replace(/\./g, '\\.')), 'the day file tab');
    await runFromPalette(page, 'View: Split Editor Right');
    await page.locator('.editor-group-container').nth(1).waitFor({ timeout: 10_000 });
    await runFromPalette(page, 'Event Bus: Open Time-Travel Inspector…');
    await pickInQuickInput(page, aggregate, aggregate);
    // Two groups, two active tabs: wait for the inspector's by its title.
    await page.locator('.tabs-container .tab.active', { hasText: `Time-Travel Inspector — ${aggregate}` }).first().waitFor({ timeout: 20_000 });
    // The inspector's frame, found by what it holds: frames are matched by position, and the Event Bus
    // container's Query view adds one of its own when it shows, so it is found again after that.
    const findInspector = async () => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const frames = page.locator('iframe.webview.ready');
        for (let i = 0; i < (await frames.count()); i++) {
          const candidate = page.frameLocator('iframe.webview.ready').nth(i).frameLocator('iframe#active-frame');
          if ((await candidate.locator('#steps').count().catch(() => 0)) > 0) return candidate;
        }
        if (Date.now() > deadline) throw new Error('no webview holds the inspector');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    let inspector = await findInspector();
    await inspector.locator('#steps li').nth(2).waitFor({ timeout: 20_000 });
    await inspector.locator('#steps li').nth(2).click();
    await waitForText(inspector.locator('#detail h2'), new RegExp(`^#${fixture.firstReplay[2].sequence} `), 'the inspector on a step of its own');
    // No breakpoints: "Debug This Aggregate" stops on the first event, and the inspector goes there.
    await showEventBusContainer(page);
    const row = treeRows(page, 'Aggregates').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${aggregate}$`) }) }).first();
    await row.click({ button: 'right' });
    await page.locator('.context-view .action-item', { hasText: 'Debug This Aggregate' }).first().click();
    await page.locator('.debug-toolbar').waitFor({ timeout: 30_000 });
    inspector = await findInspector();
    await waitForText(inspector.locator('#detail h2'), new RegExp(`^#${first.sequence} ${first.type}`), 'the inspector at the session\'s first event', 30_000);
    const toolbarButton = (label) => page.locator(`.debug-toolbar .action-item .action-label[aria-label^="${label}"]`).first();
    await toolbarButton('Step Over').click();
    await waitForText(inspector.locator('#detail h2'), new RegExp(`^#${second.sequence} ${second.type}`), 'the inspector after Step Over', 15_000);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(resultsDir, 'debugger-inspector.png') }).catch(() => {});
    await toolbarButton('Step Back').click();
    await waitForText(inspector.locator('#detail h2'), new RegExp(`^#${first.sequence} ${first.type}`), 'the inspector after Step Back', 15_000);
    await toolbarButton('Stop').click();
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 15_000 });
    // Later steps expect one editor group and nothing open.
    await closeAllEditors(page);
    await runFromPalette(page, 'View: Single Column Editor Layout');
    // Two editor groups, a webview and a session: 32 s on a quiet machine, over 45 s on a busy one.
  }, 90_000);

  const contributed = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).contributes?.commands?.map((c) => c.command) ?? [];
  if (!contributed.includes('eventbus.openTimeline') || !contributed.includes('eventbus.showInTimeline')) {
    skipStep('timeline: the event\'s tooltip inside the timeline webview', 'package.json does not contribute eventbus.openTimeline and eventbus.showInTimeline');
  } else {
    let revealedMark;
    await step('timeline: "Show in Timeline" on an event row; its tooltip inside the webview names the event', page, async () => {
      await closeAllEditors(page);
      await showEventBusContainer(page);
      // The first aggregate: its row is on screen without scrolling.
      const aggregateId = fixture.aggregates[0];
      const aggregateRow = treeRows(page, 'Aggregates').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${aggregateId}$`) }) }).first();
      const [first] = fixture.firstReplay;
      const eventRow = treeRows(page, 'Aggregates').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^#${first.sequence} ${first.type}$`) }) }).first();
      // Expanded by the explorer step unless that failed: a click on an expanded row would fold it.
      if (!(await eventRow.isVisible())) await aggregateRow.click();
      await eventRow.waitFor({ timeout: 15_000 });
      await eventRow.click({ button: 'right' });
      const menuItem = page.locator('.context-view .monaco-menu .action-item', { hasText: 'Show in Timeline' }).first();
      await menuItem.waitFor({ timeout: 10_000 });
      // A menu ignores the mouse for a moment after it opens (so the right-click's release picks nothing).
      await page.waitForTimeout(400);
      await menuItem.click();
      await waitForText(page.locator('.tabs-container .tab.active'), /Event Timeline/, 'the timeline tab');
      const frame = webviewFrame(page);
      const lanes = frame.locator('#lanes');
      await lanes.waitFor({ timeout: 20_000 });
      const deadline = Date.now() + 20_000;
      while (Number((await lanes.getAttribute('data-marks').catch(() => '0')) ?? 0) <= 0) {
        if (Date.now() > deadline) throw new Error(`the timeline drew no marks; status: ${await frame.locator('#status').textContent().catch(() => '?')}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // The revealed event sits at the middle of the time axis, right of the lane labels; its lane is
      // one of the rows below the axis. Mirrors src/webview/timeline/plotLayout.ts (labelWidth,
      // axisHeight 22, rowHeight 20): the test moves the mouse where a person would point.
      const box = await lanes.boundingBox();
      if (!box) throw new Error('the lanes canvas has no box');
      const labelWidth = Math.min(180, Math.max(80, Math.round(box.width * 0.18)));
      const centreX = box.x + labelWidth + (box.width - labelWidth) / 2;
      const laneCount = Number((await lanes.getAttribute('data-lanes')) ?? 1);
      const bottom = Math.min(box.y + box.height, box.y + 22 + 20 * Math.max(1, laneCount));
      const tooltip = frame.locator('#tooltip');
      let text = '';
      search: for (const dx of [0, -2, 2, -4, 4]) {
        for (let y = box.y + 24; y < bottom; y += 3) {
          await page.mouse.move(centreX + dx, y);
          if (await tooltip.isVisible()) {
            text = (await tooltip.textContent()) ?? '';
            if (text.includes(first.id)) {
              revealedMark = { x: centreX + dx, y };
              break search;
            }
          }
        }
      }
      if (!text.includes(first.id)) throw new Error(`no tooltip named the revealed event ${first.id}; last tooltip: "${text.slice(0, 200)}"`);
      for (const part of [first.type, aggregateId]) if (!text.includes(part)) throw new Error(`the tooltip lacks ${part}: "${text}"`);
    });

    await step('timeline: a click on an event selects its row in the Aggregates view; its search box and the view’s filter follow each other', page, async () => {
      if (!revealedMark) throw new Error('the previous step found no event mark to click');
      const [first] = fixture.firstReplay;
      const rows = treeRows(page, 'Aggregates');
      const eventRow = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^#${first.sequence} ${first.type}$`) }) }).first();
      // A missing row is not selected (getAttribute alone would wait for the row to appear).
      const eventRowSelected = async () => (await eventRow.count()) > 0 && (await eventRow.getAttribute('aria-selected', { timeout: 2000 }).catch(() => null)) === 'true';
      // Select another row first (a click on the expanded aggregate folds it too), so only the timeline's click can select the event's.
      await rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${fixture.aggregates[0]}$`) }) }).first().click();
      await page.waitForTimeout(300);
      if (await eventRowSelected()) throw new Error('the event row is still selected after clicking its aggregate');
      await page.mouse.click(revealedMark.x, revealedMark.y);
      const deadline = Date.now() + 15_000;
      while (!(await eventRowSelected())) {
        if (Date.now() > deadline) throw new Error(`the Aggregates view did not select #${first.sequence} ${first.type} after the click in the timeline`);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      // Beside the timeline, not over it: a second editor group shows the event while the timeline stays in view.
      await page.locator('.tabs-container .tab.active').filter({ hasText: eventTabTitle(first, fixture.aggregates[0]) }).first().waitFor({ timeout: 15_000 });
      const groups = await page.locator('.editor-group-container').count();
      if (groups < 2) throw new Error(`the event opened in the timeline's editor group (${groups} group), not beside it`);
      if (!(await page.locator('.tabs-container .tab.active', { hasText: 'Event Timeline' }).first().isVisible())) throw new Error('the timeline is no longer showing after the event opened');
      if (!(await page.locator('iframe.webview.ready').last().isVisible())) throw new Error('the timeline webview is covered after the event opened');

      // Back to the timeline tab: type the second aggregate's id into its search box.
      await page.locator('.tabs-container .tab', { hasText: 'Event Timeline' }).first().click();
      const frame = webviewFrame(page);
      const target = fixture.aggregates[1];
      await frame.locator('#aggregate-search').fill(target);
      await waitForText(rows.first(), new RegExp(`^${target}`), `the Aggregates view filtered to ${target}`, 20_000);
      const labels = await rows.locator('.label-name').allTextContents();
      const aggregateLabels = labels.filter((label) => !label.startsWith('#'));
      if (aggregateLabels.some((label) => !label.startsWith(target))) throw new Error(`the Aggregates view shows ${aggregateLabels.join(', ')}, expected only ${target}…`);
      await frame.locator('#clear-filters').click();
      await waitForText(rows.first(), new RegExp(`^${fixture.aggregates[0]}`), 'the Aggregates view unfiltered again', 20_000);

      // And back: filtering the Aggregates view from the palette fills the timeline's search box.
      await runFromPalette(page, 'Event Bus: Filter View…');
      await pickInQuickInput(page, 'Aggregates', 'Aggregates');
      await pickInQuickInput(page, 'Id prefix', 'Id prefix…');
      const prefixBox = await quickInput(page);
      await prefixBox.fill(target);
      await page.keyboard.press('Enter');
      await waitForText(rows.first(), new RegExp(`^${target}`), `the Aggregates view filtered to ${target} from the palette`, 20_000);
      const deadline2 = Date.now() + 10_000;
      while ((await frame.locator('#aggregate-search').inputValue().catch(() => '')) !== target) {
        if (Date.now() > deadline2) throw new Error(`the timeline's search box does not show the Aggregates view's filter ${target}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await frame.locator('#clear-filters').click();
      await waitForText(rows.first(), new RegExp(`^${fixture.aggregates[0]}`), 'the Aggregates view unfiltered at the end', 20_000);
    });
  }

  if (contributed.includes('eventbus.openTimeline')) {
    await step('timeline: next/previous event (button, N, P), zoom stops at one event\'s width, the tooltip goes on zoom, lanes keep their order, (other) lists lanes to pin', page, async () => {
      await page.locator('.tabs-container .tab', { hasText: 'Event Timeline' }).first().click();
      const frame = webviewFrame(page);
      const lanes = frame.locator('#lanes');
      await lanes.waitFor({ timeout: 15_000 });
      const data = async (name) => (await lanes.getAttribute(`data-${name}`).catch(() => '')) ?? '';
      const until = async (test, what, timeoutMs = 15_000) => {
        const deadline = Date.now() + timeoutMs;
        while (!(await test())) {
          if (Date.now() > deadline) throw new Error(`${what}; status: ${await frame.locator('#status').textContent().catch(() => '?')}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      const settle = () => new Promise((resolve) => setTimeout(resolve, 800));

      await frame.locator('#fit').click();
      await settle();
      const wideKeys = JSON.parse((await data('lane-keys')) || '[]');
      const before = await data('selected');
      await frame.locator('#next-event').click();
      await until(async () => (await data('selected')) !== '' && (await data('selected')) !== before, 'the Next event button selected no event');
      const stepped = await data('selected');
      await lanes.focus();
      await page.keyboard.press('n');
      await until(async () => (await data('selected')) !== stepped, 'N selected no later event');
      await page.keyboard.press('p');
      await until(async () => (await data('selected')) === stepped, 'P did not go back to the event before');

      // Zoom in as far as it goes: it stops at one event's width, with an event on screen.
      for (let i = 0; i < 40; i++) await page.keyboard.press('+');
      await settle();
      const range = JSON.parse((await data('range')) || 'null');
      const minSpan = Number(await data('min-span-ms'));
      if (!range || !(minSpan > 1) || Math.abs(range.to - range.from - minSpan) > 0.5) throw new Error(`the deepest zoom spans ${range && range.to - range.from} ms, the limit is ${minSpan} ms`);
      await until(async () => Number(await data('marks')) > 0, 'the deepest zoom shows no event');
      // The lanes both views show are in the same order.
      const narrowKeys = JSON.parse((await data('lane-keys')) || '[]');
      const common = narrowKeys.filter((key) => key !== '(other)' && wideKeys.includes(key));
      const positions = common.map((key) => wideKeys.indexOf(key));
      if (positions.some((p, i) => i > 0 && p < positions[i - 1])) throw new Error(`lanes reordered by the zoom: ${wideKeys.join(', ')} → ${narrowKeys.join(', ')}`);

      // A step centres the event it selects (at this zoom nothing clamps it): point at it, then zoom with the wheel; the tooltip goes.
      const atLimit = await data('selected');
      await page.keyboard.press('n');
      await until(async () => (await data('selected')) !== atLimit, 'N selected no later event at the deepest zoom');
      await settle();
      const box = await lanes.boundingBox();
      if (!box) throw new Error('the lanes canvas has no box');
      const labelWidth = Math.min(180, Math.max(80, Math.round(box.width * 0.18)));
      const centreX = box.x + labelWidth + (box.width - labelWidth) / 2;
      const tooltip = frame.locator('#tooltip');
      let shown = false;
      for (let y = box.y + 24; y < box.y + 22 + 20 * Math.max(1, narrowKeys.length) && !shown; y += 4) {
        await page.mouse.move(centreX, y);
        shown = await tooltip.isVisible();
      }
      if (!shown) throw new Error('no tooltip at the selected event');
      await page.mouse.wheel(0, 400);
      await until(async () => !(await tooltip.isVisible()), 'the tooltip stayed after the zoom', 5_000);

      // (other): its label lists the lanes it folds; a click pins one as the first lane.
      await frame.locator('#fit').click();
      await settle();
      const keys = JSON.parse((await data('lane-keys')) || '[]');
      const otherRow = keys.indexOf('(other)');
      if (otherRow < 0) throw new Error(`no (other) lane at the whole store: ${keys.length} lanes`);
      await page.mouse.click(box.x + 20, box.y + 22 + otherRow * 20 + 10);
      const item = frame.locator('#other-lanes .other-lane').first();
      await item.waitFor({ timeout: 10_000 });
      const pinned = await item.getAttribute('data-key');
      await item.click();
      await until(async () => JSON.parse((await data('lane-keys')) || '[]')[0] === pinned, `the pinned lane ${pinned} is not the first lane`);
      await frame.locator('#other-lanes-close').click().catch(() => {});
      await settle();
      await page.screenshot({ path: path.join(resultsDir, 'timeline.png') }).catch(() => {});
    });
  }

  await step('query: typing a content query in the Query box filters the Aggregates view, with the count and a caret under a bad column', page, async () => {
    await closeAllEditors(page);
    await showEventBusContainer(page);
    const query = `aggregate == "${AGGREGATE}" and seq >= 1`;
    const matching = eventbus(['events', '--store', fixture.store, '--where', query]).split('\n').filter((l) => l.trim() !== '').length;
    // The Query box is the webview view above the trees; webview iframes are laid over the workbench, so find the one holding the box.
    let frame;
    const deadline = Date.now() + 20_000;
    while (!frame) {
      const frames = page.locator('iframe.webview.ready');
      for (let i = 0; i < (await frames.count()); i++) {
        const candidate = page.frameLocator('iframe.webview.ready').nth(i).frameLocator('iframe#active-frame');
        if ((await candidate.locator('#query').count().catch(() => 0)) > 0) frame = candidate;
      }
      if (!frame && Date.now() > deadline) throw new Error('no webview holds the Query box');
      if (!frame) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const box = frame.locator('#query');
    await box.waitFor({ timeout: 20_000 });
    await waitForText(frame.locator('#status'), /^Type a query/, 'the hint under the empty box');
    await box.click();
    await box.pressSequentially('data.price >', { delay: 20 });
    await waitForText(frame.locator('#status'), /^Column 13: expected a value after >/, 'the problem with its column');
    await waitForText(frame.locator('#caret'), /\n {12}\^$/, 'the caret under column 13');
    await box.fill('');
    await box.pressSequentially(query, { delay: 10 });
    await waitForText(frame.locator('#status'), new RegExp(`^${matching.toLocaleString('en')} of 3,000 events match$`), 'the match count');
    const rows = treeRows(page, 'Aggregates');
    await waitForText(rows.first(), new RegExp(`^${AGGREGATE}`), 'the Aggregates view filtered by the query', 20_000);
    const labels = (await rows.locator('.label-name').allTextContents()).filter((label) => !label.startsWith('#'));
    if (labels.length !== 1 || labels[0] !== AGGREGATE) throw new Error(`the Aggregates view shows ${labels.join(', ')}, expected only ${AGGREGATE}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await page.screenshot({ path: path.join(resultsDir, 'query-box.png') }).catch(() => {});
    await frame.locator('#clear').click();
    await waitForText(rows.first(), new RegExp(`^${fixture.aggregates[0]}`), 'the Aggregates view unfiltered after Clear', 20_000);
  });

  await step('publish form: invalid data is refused while typing and writes nothing; valid data publishes', page, async () => {
    await closeAllEditors(page);
    const eventFiles = () => fs.readdirSync(path.join(fixture.store, 'events')).sort().map((name) => `${name}:${fs.readFileSync(path.join(fixture.store, 'events', name)).toString('base64')}`).join('\n');
    const before = eventFiles();
    await runFromPalette(page, 'Event Bus: Publish Event…');
    await waitForText(page.locator('.tabs-container .tab.active'), /Publish Event/, 'the publish form tab');
    const frame = webviewFrame(page);
    const type = frame.locator('#eventType');
    await type.waitFor({ timeout: 20_000 });
    await type.fill('risk_alert');
    await type.press('Tab');
    const data = frame.locator('#data');
    await data.fill('{"alert_type": "drawdown"}');
    await waitForText(frame.locator('#problems'), /severity/, 'the schema problem under the data', 15_000);
    if (!(await frame.locator('#publish').isDisabled())) throw new Error('Publish is enabled for invalid data');
    await frame.locator('#aggregateId').fill('ui_published');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(resultsDir, 'publish-form-invalid.png') }).catch(() => {});
    if (eventFiles() !== before) throw new Error('the store changed while invalid data was typed');
    await data.fill('{"alert_type": "drawdown", "severity": "high", "message": "published from the form"}');
    await waitForText(frame.locator('#problems'), /Valid: ready to publish/, 'the valid verdict', 15_000);
    if (eventFiles() !== before) throw new Error('the store changed before Publish was pressed');
    await frame.locator('#publish').click();
    await waitForText(frame.locator('#outcome'), /Published risk_alert #\d+/, 'the outcome', 20_000);
    await page.screenshot({ path: path.join(resultsDir, 'publish-form.png') }).catch(() => {});
    const published = eventbus(['events', '--store', fixture.store, '--aggregate', 'ui_published']).split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
    if (published.length !== 1 || published[0].data.message !== 'published from the form') throw new Error(`the CLI reads ${published.length} events of ui_published`);
    // What was typed stays in the form after publishing.
    if ((await frame.locator('#aggregateId').inputValue()) !== 'ui_published') throw new Error('the form lost the aggregate after publishing');
  });

  if (problems.length > 0) log(`browser errors mentioning the extension (first 10 of ${problems.length}):\n  ${problems.slice(0, 10).join('\n  ')}`);
  await page.close();

  await step('vsix: the VSIX installed with code-server --install-extension shows the Event Bus container (no extensionDevelopmentPath)', null, async () => {
    if (!vsixFile) throw new Error('no VSIX was built (see the packaging step)');
    const installed = spawnSync(process.execPath, [codeServerEntry, '--install-extension', vsixFile, '--extensions-dir', server.extensionsDir, '--user-data-dir', server.userDataDir], {
      env: server.env,
      encoding: 'utf8',
    });
    if (installed.status !== 0) throw new Error(`code-server --install-extension exited ${installed.status}: ${installed.stderr || installed.stdout}`);
    const manifest = fs.readdirSync(server.extensionsDir).find((d) => d.startsWith(`${EXTENSION_ID}-`));
    if (!manifest) throw new Error(`nothing named ${EXTENSION_ID}-* in ${server.extensionsDir} after the install`);
    const query = new URLSearchParams({ folder: fixture.vsixWorkspace });
    const opened = await openPage(context, server, `${server.url}/?${query.toString()}`);
    try {
      await showEventBusContainer(opened.page);
      const rows = treeRows(opened.page, 'Aggregates');
      await waitForText(rows.first(), new RegExp(`^${fixture.aggregates[0]}`), 'the first Aggregates row of the installed extension');
      await opened.page.waitForTimeout(300);
      await opened.page.screenshot({ path: path.join(resultsDir, `${String(results.length + 1).padStart(2, '0')}-vsix.png`) });
    } finally {
      await opened.page.close();
    }
  });

  await step('big store: while it opens the views show its progress, never the "no event store" welcome, then fill', null, async () => {
    const query = new URLSearchParams({ folder: fixture.bigWorkspace, payload: JSON.stringify([['extensionDevelopmentPath', remoteUri(root)]]) });
    const opened = await openPage(context, server, `${server.url}/?${query.toString()}`);
    const { page: bigPage } = opened;
    try {
      await showEventBusContainer(bigPage);
      const sidebar = bigPage.locator('.part.sidebar');
      const statusBar = bigPage.locator('.statusbar-item', { hasText: /events/ }).first();
      const seen = { progress: [], statusProgress: [], welcome: false };
      let filled = false;
      const deadline = Date.now() + 170_000;
      // Watch the container until the Aggregates view lists aggregates: what it said meanwhile is the point.
      while (!filled && Date.now() < deadline) {
        const text = await sidebar.innerText().catch(() => '');
        if (/No event store was found|Create a sample store/.test(text)) {
          seen.welcome = true;
          await bigPage.screenshot({ path: path.join(resultsDir, 'big-store-welcome.png') });
          break;
        }
        const progress = /(indexing|validating) \d+%/.exec(text);
        if (progress && seen.progress[seen.progress.length - 1] !== progress[0]) seen.progress.push(progress[0]);
        const bar = await statusBar.innerText({ timeout: 200 }).catch(() => '');
        const barProgress = /(indexing|validating) \d+%/.exec(bar);
        if (barProgress && seen.statusProgress[seen.statusProgress.length - 1] !== barProgress[0]) seen.statusProgress.push(barProgress[0]);
        if (seen.progress.length === 1 && !seen.shot) {
          seen.shot = true;
          await bigPage.screenshot({ path: path.join(resultsDir, 'big-store-indexing.png') });
        }
        const first = await treeRows(bigPage, 'Aggregates').first().innerText({ timeout: 200 }).catch(() => '');
        // A row that is neither the progress line nor an error: an aggregate.
        filled = first.trim().length > 0 && !/Opening the event store|indexing|validating|Could not/.test(first);
        if (!filled) await bigPage.waitForTimeout(100);
      }
      log(`big store: the views said ${JSON.stringify(seen.progress)}, the status bar ${JSON.stringify(seen.statusProgress)}`);
      if (seen.welcome) throw new Error('the "no event store" welcome was shown while the store opened');
      if (!filled) throw new Error(`the Aggregates view did not fill (progress seen: ${JSON.stringify(seen.progress)})`);
      if (!seen.progress.some((p) => p.startsWith('indexing'))) throw new Error(`no "indexing N%" was shown while the store opened (seen: ${JSON.stringify(seen.progress)})`);
      if (seen.statusProgress.length === 0) throw new Error('the status bar never showed the progress');
    } finally {
      await bigPage.close();
    }
  }, 180_000);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  onlySteps = options.only;
  const started = Date.now();
  for (const [file, fix] of [
    [cli, 'node esbuild.js'],
    [path.join(root, 'dist', 'extension.js'), 'node esbuild.js'],
    [CHROMIUM, 'node test/e2e/setup.js (as root)'],
    [path.join(e2eDir, 'node_modules', 'playwright-core', 'package.json'), 'node test/e2e/setup.js'],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`${fix}\``);
  }
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-ui-'));
  let vsixFile = options.vsix;
  await step('packaging: `npm run package` builds a VSIX of bundles only (no sources, tests or maps)', null, async () => {
    if (!vsixFile) vsixFile = buildVsix();
    const entries = await zipEntries(vsixFile);
    const names = entries.map((e) => e.name);
    // README images are fetched from the repository by the marketplace: screenshots need not ship.
    const unwanted = names.filter((n) => /\.map$|\.ts$|(^|\/)(src|test|out|node_modules|screenshots)\//.test(n));
    if (unwanted.length > 0) throw new Error(`the VSIX holds ${unwanted.length} files it should not: ${unwanted.slice(0, 10).join(', ')}`);
    for (const needed of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/cli.js', 'extension/media/inspector.js', 'extension/media/timeline.js', 'extension/media/icon.png']) {
      if (!names.includes(needed)) throw new Error(`the VSIX lacks ${needed}`);
    }
    const size = fs.statSync(vsixFile).size;
    log(`VSIX ${path.relative(root, vsixFile)}: ${(size / 1024).toFixed(0)} KB, ${names.length} files (${(entries.reduce((n, e) => n + e.size, 0) / 1024).toFixed(0)} KB unpacked)`);
  });
  if (!results[results.length - 1].ok && !options.vsix) vsixFile = undefined;

  let server;
  let context;
  try {
    const fixture = prepareWorkspaces(runDir);
    server = await startVsCodeServer({ runDir, workspace: fixture.workspace });
    log(`code-server ${server.url} answered in ${(server.startMs / 1000).toFixed(1)} s`);
    context = await launchChromium(path.join(runDir, 'chromium-profile'), server.env);
    await uiSteps(context, server, fixture, vsixFile);
  } catch (error) {
    results.push({ name: 'the UI run could not start or stopped early', ok: false, error });
    console.log(`  ✗ the UI run could not start or stopped early\n      ${String(error.stack ?? error.message).split('\n').slice(0, 8).join('\n      ')}`);
  } finally {
    if (context) await context.close().catch(() => {});
    if (server) await server.stop();
  }
  const passed = results.filter((r) => r.ok && !r.pending).length;
  const pending = results.filter((r) => r.pending).length;
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\n  ${passed} passing (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  if (pending > 0) console.log(`  ${pending} pending`);
  if (failed > 0) console.log(`  ${failed} failing`);
  log(`screenshots in ${path.relative(root, resultsDir)}/`);
  if (failed === 0 && !options.keep) fs.rmSync(runDir, { recursive: true, force: true });
  else log(`run folder kept: ${runDir} (code-server.log, user-data/logs/)`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[ui] could not run the UI tests: ${error.stack ?? error.message}`);
    console.log('\n  0 passing\n  1 failing');
    process.exit(1);
  },
);
