// Every contributed command that reads (writes come in 4-writes), run as
// the palette or a view would run it, each checked against the store or the
// CLI. Prompts are answered by windowDoubles.ts; the searchable quick picks
// are the real widget.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as vscode from 'vscode';
import { activeEditorNamed, closeAllEditors, runCommand, webviewTab } from './commandRunner';
import { errorCount, eventbusCli, loadExplorerFixture, replaySequences } from './explorerFixture';
import { capturedView, type Row, rowsOf, waitForRows } from './treeCapture';
import { shown } from './windowDoubles';

const n = (value: number) => value.toLocaleString('en');


async function eventRowsOf(aggregateLabel: string): Promise<Row[]> {
  const aggregate = (await rowsOf('eventbus.aggregates')).find((r) => r.label === aggregateLabel);
  assert.ok(aggregate, `no ${aggregateLabel} row in the Aggregates view`);
  return (await rowsOf('eventbus.aggregates', aggregate.node)).filter((r) => r.command?.command === 'eventbus.openEvent');
}

/** The store root as the server names it (every row carries it). */
async function storeRoot(): Promise<string> {
  const [row] = await rowsOf('eventbus.aggregates');
  const store = (row?.node as { store?: string } | undefined)?.store;
  assert.ok(store, 'the Aggregates view lists rows of a store');
  return store;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('every reading command runs without error and does what it says', () => {
  const fixture = loadExplorerFixture();
  // An aggregate with snapshots, so rebuild and restore have something to start from.
  const aggregateId = fixture.snapshots.find((s) => s.aggregate_id !== 'system')?.aggregate_id ?? Object.keys(fixture.aggregates)[0];
  const busiestCorrelation = Object.entries(fixture.correlations).sort((a, b) => b[1] - a[1])[0][0];
  let sequences: number[] = [];

  before(async () => {
    sequences = replaySequences(fixture, aggregateId);
    assert.ok(sequences.length >= 3, `${aggregateId} has ${sequences.length} events`);
    await waitForRows('eventbus.aggregates', 'aggregate');
  });

  afterEach(closeAllEditors);

  it('eventbus.openDecompressed: a .jsonl.gz opens as its gunzipped text', async () => {
    await runCommand('eventbus.openDecompressed', [vscode.Uri.file(fixture.archivedGz)]);
    const editor = await activeEditorNamed(/\.jsonl\.gz$/);
    assert.equal(editor.document.uri.scheme, 'eventbus');
    assert.equal(editor.document.getText(), zlib.gunzipSync(fs.readFileSync(fixture.archivedGz)).toString('utf8'));
  });

  it('eventbus.replayAggregatePick: replays the typed range (the CLI replays as many events)', async () => {
    const range = `${sequences[0]}-${sequences[2]}`;
    await runCommand('eventbus.replayAggregatePick', [{ aggregateId }], { inputs: [range] });
    assert.match(shown.inputs[0]?.prompt ?? '', new RegExp(`${sequences[0]}-${sequences[sequences.length - 1]}`), 'the prompt names the aggregate\'s range');
    const editor = await activeEditorNamed(new RegExp(`^/replay ${aggregateId} .*\\.txt$`));
    const cli = JSON.parse(eventbusCli(fixture, ['replay', '--aggregate', aggregateId, '--from', String(sequences[0]), '--to', String(sequences[2]), '--json'])) as { event_type: string; metadata: { sequence_number: number; source: string } }[];
    assert.equal(cli.length, 3);
    // One row per event: sequence, time, type, source, then the change it made to the state.
    const rows = editor.document.getText().split('\n').filter((line) => /^#\d+ /.test(line));
    assert.deepEqual(rows.map((line) => line.split(/\s+/)[0]), cli.map((e) => `#${e.metadata.sequence_number}`));
    rows.forEach((line, i) => {
      assert.ok(line.includes(cli[i].event_type) && line.includes(cli[i].metadata.source) && / inspect /.test(line), line);
    });
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editor.document.uri);
    const targets = links.map((l) => decodeURIComponent(l.target?.toString() ?? ''));
    assert.ok(targets.some((t) => t.startsWith('command:eventbus.openEvent?') && t.includes(`#${sequences[0]} (${aggregateId})`)), targets.join('\n'));
    assert.ok(targets.some((t) => t.startsWith('command:eventbus.openInspector?') && t.includes(`"atSequence":${sequences[1]}`)), targets.join('\n'));
  });

  it('eventbus.replayCorrelation: every event of the correlation', async () => {
    await runCommand('eventbus.replayCorrelation', [{ correlationId: busiestCorrelation }]);
    const editor = await activeEditorNamed(/^\/replay correlation .*\.txt$/);
    const text = editor.document.getText();
    const rows = text.split('\n').filter((line) => /^\S+\s+#\d+ /.test(line));
    assert.equal(rows.length, fixture.correlations[busiestCorrelation]);
    // The causation tree as `eventbus correlation` prints it, with the time each hop took.
    const tree = eventbusCli(fixture, ['correlation', busiestCorrelation]).trimEnd();
    assert.ok(text.includes(tree), `the document holds the CLI's tree:\n${tree}\n---\n${text}`);
  });

  it('eventbus.rebuildAtSequence: the state at the picked (newest) event equals `eventbus rebuild`', async () => {
    // Picked, not typed: the newest event is the first row of the aggregate's events (#seq type · time).
    await runCommand('eventbus.rebuildAtSequence', [{ aggregateId }], { picks: [`#${sequences[sequences.length - 1]} `] });
    assert.equal(shown.picks.at(-1), `Rebuild ${aggregateId}`);
    const editor = await activeEditorNamed(new RegExp(`^/state ${aggregateId} at \\d+\\.json$`));
    const shownState = JSON.parse(editor.document.getText()) as { atSequence: number; state: unknown };
    assert.equal(shownState.atSequence, sequences[sequences.length - 1]);
    assert.deepEqual(shownState.state, JSON.parse(eventbusCli(fixture, ['rebuild', '--aggregate', aggregateId, '--json'])));
  });

  it('eventbus.restoreFromSnapshot: picks the newest snapshot and shows the state from it', async () => {
    await runCommand('eventbus.restoreFromSnapshot', [{ aggregateId }], { picks: ['at sequence'] });
    const editor = await activeEditorNamed(new RegExp(`^/state ${aggregateId} from snapshot \\d+\\.json$`));
    const restored = JSON.parse(editor.document.getText()) as { fromSnapshot: unknown; state: unknown };
    assert.ok(restored.fromSnapshot, 'fromSnapshot is empty');
    assert.deepEqual(restored.state, JSON.parse(eventbusCli(fixture, ['rebuild', '--aggregate', aggregateId, '--json'])));
  });

  it('eventbus.verifySnapshots: reports on every snapshot of the store', async () => {
    await runCommand('eventbus.verifySnapshots');
    const message = shown.messages.find((m) => /snapshot/.test(m.text));
    assert.ok(message, `messages: ${shown.messages.map((m) => m.text).join(' | ')}`);
    assert.match(message.text, new RegExp(`${fixture.snapshots.length} snapshots verified`));
  });

  it('eventbus.createSnapshot: writes the snapshot file it names', async () => {
    const last = sequences[sequences.length - 1];
    await runCommand('eventbus.createSnapshot', [{ aggregateId }]);
    assert.match(shown.messages[0]?.text ?? '', new RegExp(`snapshot of ${aggregateId} at sequence ${last} written`));
    assert.ok(fs.existsSync(path.join(fixture.store, 'snapshots', `snapshot_${aggregateId}_${last}.json`)), 'no snapshot file');
  });

  it('eventbus.validateStore: the counts eventbus validate gives', async () => {
    await runCommand('eventbus.validateStore');
    const message = shown.messages[0];
    assert.ok(message, 'no message');
    assert.equal(message.severity, 'warning');
    assert.match(message.text, new RegExp(`${n(errorCount(fixture.findings))} errors`));
    assert.deepEqual(message.buttons, ['Show Problems']);
  });

  it('eventbus.refresh: the server re-reads the store', async () => {
    await runCommand('eventbus.refresh');
    assert.ok(shown.statusBar.some((text) => text.includes(`${n(fixture.stats.events)} events in 2 files`)), `status bar: ${shown.statusBar.join(' | ')}`);
  });

  it('eventbus.openInspector: opens the inspector for the aggregate', async () => {
    await runCommand('eventbus.openInspector', [{ store: await storeRoot(), aggregateId, atSequence: sequences[1] }]);
    await webviewTab(new RegExp(`Time-Travel Inspector — ${aggregateId}`));
  });

  it('eventbus.showStatus: reveals the Status view', async () => {
    await runCommand('eventbus.showStatus');
    await until('the Status view to become visible', async () => (capturedView('eventbus.status').view.visible ? true : undefined));
    assert.ok(shown.statusBar.some((text) => /Event Bus: the store holds [\d,]+ events/.test(text)), `feedback in the status bar: ${shown.statusBar.join(' | ')}`);
  });

  it('eventbus.filterView / clearFilter / sortView (palette, asking which view)', async () => {
    const prefix = 'market';
    const expected = Object.keys(fixture.aggregates).filter((id) => id.startsWith(prefix)).sort();
    assert.ok(expected.length > 0 && expected.length < fixture.stats.aggregates, `the prefix ${prefix} should select some aggregates`);
    await runCommand('eventbus.filterView', [], { picks: ['Aggregates', 'Id prefix'], inputs: [prefix] });
    assert.deepEqual((await rowsOf('eventbus.aggregates')).map((r) => r.label), expected);
    assert.match(capturedView('eventbus.aggregates').view.description ?? '', new RegExp(prefix));
    await runCommand('eventbus.clearFilter', [], { picks: ['Aggregates'] });
    assert.equal((await rowsOf('eventbus.aggregates')).filter((r) => r.contextValue === 'aggregate').length, Math.min(fixture.stats.aggregates, 200));
    await runCommand('eventbus.sortView', [], { picks: ['Aggregates', 'By event count'] });
    const counts = (await rowsOf('eventbus.aggregates')).filter((r) => r.contextValue === 'aggregate').map((r) => fixture.aggregates[r.label]);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    await runCommand('eventbus.sortView', ['aggregates'], { picks: ['By aggregate id'] });
    assert.equal(capturedView('eventbus.aggregates').view.description, undefined);
  });

  it('eventbus.revealInAggregates selects an event row pages deep (what a click in the timeline runs)', async () => {
    const settings = vscode.workspace.getConfiguration('eventbus');
    // Small pages, so the row sits several "Load more" pages into the tree and into its aggregate.
    await settings.update('pageSize', 3, vscode.ConfigurationTarget.Workspace);
    try {
      const ids = Object.keys(fixture.aggregates).sort();
      const deep = ids.filter((id, at) => at >= 6 && fixture.aggregates[id] >= 7);
      assert.ok(deep.length > 0, 'an aggregate past the second page with at least 7 events');
      const aggregate = deep[deep.length - 1];
      const events = JSON.parse(eventbusCli(fixture, ['replay', '--aggregate', aggregate, '--json'])) as { metadata: { event_id: string } }[];
      const eventId = events[events.length - 1].metadata.event_id;
      await runCommand('eventbus.revealInAggregates', [{ store: await storeRoot(), eventId }]);
      const { view } = capturedView('eventbus.aggregates');
      const selected = await until('the event row to be selected', async () => {
        const [node] = view.selection as { kind?: string; entry?: { eventId: string; aggregateId: string | null } }[];
        return node?.kind === 'event' && node.entry?.eventId === eventId ? node : undefined;
      });
      assert.equal(selected.entry?.aggregateId, aggregate);
    } finally {
      await settings.update('pageSize', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  for (const [view, secondSort] of [
    ['aggregates', 'By event count'],
    ['correlations', 'By correlation id'],
    ['eventTypes', 'By name'],
    ['snapshots', 'By snapshot count'],
  ] as const) {
    it(`eventbus.filterView.${view} / clearFilter.${view} / sortView.${view} (the view's title buttons)`, async () => {
      const viewId = `eventbus.${view}`;
      const before = await rowsOf(viewId);
      const prefix = before[0].label.slice(0, Math.max(1, before[0].label.length - 1));
      await runCommand(`eventbus.filterView.${view}`, [], { picks: ['Id prefix'], inputs: [prefix] });
      const filtered = await rowsOf(viewId);
      assert.ok(filtered.length > 0 && filtered.every((r) => r.label.startsWith(prefix)), `${view} filtered by ${prefix}: ${filtered.map((r) => r.label).join(' | ')}`);
      await runCommand(`eventbus.clearFilter.${view}`);
      // A new filter starts paging over (pages loaded earlier are dropped): compare the page shown.
      const cleared = (await rowsOf(viewId)).filter((r) => r.command?.command !== 'eventbus.loadMore').map((r) => r.label);
      assert.deepEqual(cleared, before.map((r) => r.label).slice(0, cleared.length));
      assert.ok(cleared.length >= Math.min(before.length, 200), `${view}: ${cleared.length} rows after clearing`);
      await runCommand(`eventbus.sortView.${view}`, [], { picks: [secondSort] });
      assert.equal(capturedView(viewId).view.description, secondSort.toLowerCase());
      // Escape leaves the sort as it was.
      await runCommand(`eventbus.sortView.${view}`, [], { picks: [undefined] });
      assert.equal(capturedView(viewId).view.description, secondSort.toLowerCase());
      // Back to the default sort (the first option).
      const first = { aggregates: 'By aggregate id', correlations: 'By last activity', eventTypes: 'By event count', snapshots: 'By aggregate id' }[view];
      await runCommand(`eventbus.sortView.${view}`, [], { picks: [first] });
      assert.equal(capturedView(viewId).view.description, undefined);
    });
  }

  it('eventbus.refresh (the one Refresh: palette and every view\'s title bar): the store is re-read and every view re-reads, with feedback', async () => {
    const views = ['eventbus.aggregates', 'eventbus.correlations', 'eventbus.eventTypes', 'eventbus.snapshots', 'eventbus.status'].map(capturedView);
    const before = views.map((v) => v.changes);
    await runCommand('eventbus.refresh');
    views.forEach((v, i) => assert.ok(v.changes > before[i], `${v.id} was not refreshed`));
    assert.ok(shown.statusBar.some((text) => /Event Bus: refreshed, [\d,]+ events in \d+ files/.test(text)), `status bar: ${shown.statusBar.join(' | ')}`);
  });

  it('one Refresh and one Verify: no two contributed commands share a title, and the view title bars use the palette\'s', () => {
    const extension = vscode.extensions.getExtension('eventbus-debugger.eventbus-debugger');
    const contributes = (extension?.packageJSON as { contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string }[]> } }).contributes;
    const titles = contributes.commands.map((c) => c.title);
    assert.deepEqual(titles.filter((t) => /^Refresh/.test(t)), ['Refresh']);
    assert.deepEqual(titles.filter((t) => /^Verify/.test(t)), ['Verify Snapshots']);
    const titleBar = contributes.menus['view/title'].map((m) => m.command);
    assert.ok(titleBar.includes('eventbus.refresh') && titleBar.includes('eventbus.verifySnapshots'));
  });

  it('eventbus.loadMore: the "Load more" row of Correlations fetches the next page', async () => {
    const first = await rowsOf('eventbus.correlations');
    const more = first.find((r) => r.command?.command === 'eventbus.loadMore');
    assert.ok(more?.command, 'no "Load more" row (the store has more correlations than a page)');
    await runCommand(more.command.command, more.command.arguments ?? []);
    const next = await rowsOf('eventbus.correlations');
    const groups = (rows: Row[]) => rows.filter((r) => r.contextValue === 'correlation').length;
    assert.equal(groups(next), Math.min(groups(first) * 2, fixture.stats.correlations));
  });

  it('eventbus.openEvent and eventbus.revealInFile: an event row opens its JSON, and Reveal in File selects its line', async () => {
    const [row] = await eventRowsOf(aggregateId);
    await runCommand(row.command!.command, row.command!.arguments ?? []);
    const document = await until('the event document', async () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'eventbus-event'));
    const event = JSON.parse(document.getText()) as { event_type: string; metadata: { event_id: string; aggregate_id: string; sequence_number: number } };
    assert.equal(event.metadata.aggregate_id, aggregateId);
    // The tab says which event it is, not its UUID.
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'eventbus-event');
    assert.equal(tab?.label, `${event.event_type} #${event.metadata.sequence_number} (${aggregateId}).json`);
    await vscode.window.showTextDocument(document);
    await runCommand('eventbus.revealInFile');
    const editor = await activeEditorNamed(/\/store\/events\/events_\d{4}-\d\d-\d\d\.jsonl$/);
    assert.ok(editor.document.lineAt(editor.selection.start.line).text.includes(event.metadata.event_id), 'the selected line is not the event');
  });

  it('eventbus.openSnapshot: a snapshot row opens its file', async () => {
    const [group] = await rowsOf('eventbus.snapshots');
    const [snapshot] = await rowsOf('eventbus.snapshots', group.node);
    assert.equal(snapshot.command?.command, 'eventbus.openSnapshot');
    await runCommand(snapshot.command.command, snapshot.command.arguments ?? []);
    const editor = await activeEditorNamed(/\/snapshots\/snapshot_.*\.json$/);
    assert.equal(editor.document.uri.toString(), snapshot.command.arguments?.[0]);
  });

  it('eventbus.replayAggregate (an event row\'s context menu): replays up to that event', async () => {
    const rows = await eventRowsOf(aggregateId);
    await runCommand('eventbus.replayAggregate', [rows[2].node]);
    const editor = await activeEditorNamed(new RegExp(`^/replay ${aggregateId} .*\\.txt$`));
    assert.equal(editor.document.getText().split('\n').filter((line) => /^#\d+ /.test(line)).length, 3);
  });

  it('eventbus.rebuildToHere: the state at that event equals `eventbus rebuild --at`', async () => {
    const rows = await eventRowsOf(aggregateId);
    await runCommand('eventbus.rebuildToHere', [rows[1].node]);
    const editor = await activeEditorNamed(new RegExp(`^/state ${aggregateId} at ${sequences[1]}\\.json$`));
    const rebuilt = JSON.parse(editor.document.getText()) as { state: unknown };
    assert.deepEqual(rebuilt.state, JSON.parse(eventbusCli(fixture, ['rebuild', '--aggregate', aggregateId, '--at', String(sequences[1]), '--json'])));
  });

  it('eventbus.copyEventId: puts the event id on the clipboard', async () => {
    const [row] = await eventRowsOf(aggregateId);
    const eventId = (row.node as { entry: { eventId: string } }).entry.eventId;
    await runCommand('eventbus.copyEventId', [row.node]);
    assert.ok(shown.statusBar.includes(`Copied event id ${eventId}`), `status bar: ${shown.statusBar.join(' | ')}`);
    assert.equal(await vscode.env.clipboard.readText(), eventId);
  });

  it('eventbus.showCorrelation: filters Correlations to the event\'s correlation', async () => {
    const rows = await eventRowsOf(aggregateId);
    const row = rows.find((r) => (r.node as { entry: { correlationId: string | null } }).entry.correlationId);
    assert.ok(row, `no event of ${aggregateId} has a correlation id`);
    const correlationId = (row.node as { entry: { correlationId: string } }).entry.correlationId;
    await runCommand('eventbus.showCorrelation', [row.node]);
    assert.deepEqual((await rowsOf('eventbus.correlations')).map((r) => r.label), [correlationId]);
    await runCommand('eventbus.clearFilter.correlations');
  });

  it('eventbus.verifySnapshots from the Snapshots view\'s button: every snapshot matches or is marked drifted', async () => {
    await runCommand('eventbus.verifySnapshots');
    const message = shown.messages.find((m) => /snapshots? verified/.test(m.text));
    assert.ok(message, `messages: ${shown.messages.map((m) => m.text).join(' | ')}`);
    // One more than the CLI listed: the snapshot created above.
    assert.match(message.text, new RegExp(`${fixture.snapshots.length + 1} snapshots`));
  });
});
