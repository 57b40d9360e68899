// The query box's flow (run as the box runs it, through eventbus.query.apply),
// saved queries, export and the aggregate/correlation/event row commands,
// each checked against the CLI on the same store.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeEditorNamed, closeAllEditors, runCommand, webviewTab } from './commandRunner';
import { eventbusCli, loadExplorerFixture } from './explorerFixture';
import { allRootRows, rowsOf, waitForRows } from './treeCapture';

interface QueryStatus {
  kind: string;
  matched?: number;
  total?: number;
  column?: number;
  reason?: string;
}

interface CliEvent {
  event_type: string;
  metadata: { event_id: string; aggregate_id: string | null; correlation_id: string | null };
}

const QUERY = 'type == "trade_executed" and data.quantity > 0.01';

function cliMatches(fixture: ReturnType<typeof loadExplorerFixture>, where: string): CliEvent[] {
  return eventbusCli(fixture, ['events', '--where', where])
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CliEvent);
}

/** "12 events · 3 hr ago" → 12 */
const countOf = (description: string): number => Number(/^([\d,]+) event/.exec(description)?.[1]?.replace(/,/g, '') ?? NaN);

describe('query by content, export and row commands', () => {
  const fixture = loadExplorerFixture();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-e2e-export-'));
  let expected: CliEvent[] = [];
  /** The unfiltered Aggregates view (the live suite has appended since the fixture was written). */
  let aggregatesBefore: string[] = [];

  before(async () => {
    await waitForRows('eventbus.aggregates', 'aggregate');
    aggregatesBefore = (await allRootRows('eventbus.aggregates')).filter((r) => r.contextValue === 'aggregate').map((r) => r.label);
    expected = cliMatches(fixture, QUERY);
    assert.ok(expected.length > 3, `the store should hold trades matching ${QUERY}: ${expected.length}`);
  });

  afterEach(closeAllEditors);
  after(async () => {
    await runCommand('eventbus.query.apply', ['']);
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('eventbus.query.apply: the count equals eventbus events --where, and the Aggregates view lists exactly the matching aggregates with their counts', async () => {
    const status = await runCommand<QueryStatus>('eventbus.query.apply', [QUERY]);
    assert.equal(status.kind, 'matches');
    assert.equal(status.matched, expected.length);
    assert.equal(status.total, (JSON.parse(eventbusCli(fixture, ['stats', '--json'])) as { events: number }).events);
    const perAggregate = new Map<string, number>();
    for (const event of expected) if (event.metadata.aggregate_id) perAggregate.set(event.metadata.aggregate_id, (perAggregate.get(event.metadata.aggregate_id) ?? 0) + 1);
    const rows = (await allRootRows('eventbus.aggregates')).filter((r) => r.contextValue === 'aggregate');
    assert.deepEqual(
      new Map(rows.map((r) => [r.label, countOf(r.description)])),
      perAggregate,
      'the filtered Aggregates view shows the aggregates of the matching events, each with its matching count',
    );
    const types = (await allRootRows('eventbus.eventTypes')).filter((r) => r.contextValue === 'type');
    assert.deepEqual(types.map((r) => r.label), ['trade_executed'], 'the Event Types view is filtered too');
  });

  it('a query that cannot be read is answered with its column and leaves the views as they were', async () => {
    const before = (await allRootRows('eventbus.aggregates')).length;
    const status = await runCommand<QueryStatus>('eventbus.query.apply', ['data.quantity > and type == "x"'], { buttons: [] });
    assert.equal(status.kind, 'problem');
    assert.equal(status.column, 17);
    assert.match(status.reason ?? '', /expected a value/);
    assert.equal((await allRootRows('eventbus.aggregates')).length, before);
    await runCommand('eventbus.query.apply', [QUERY]);
  });

  it('eventbus.exportEvents on an aggregate row: the file holds that aggregate\'s matching lines byte for byte (as eventbus export writes them)', async () => {
    const [row] = (await rowsOf('eventbus.aggregates')).filter((r) => r.contextValue === 'aggregate');
    const target = path.join(scratch, 'aggregate.jsonl');
    const written = await runCommand<vscode.Uri | undefined>('eventbus.exportEvents', [row.node, { format: 'jsonl', target }]);
    assert.equal(written?.fsPath, target);
    const cliCopy = path.join(scratch, 'aggregate-cli.jsonl');
    eventbusCli(fixture, ['export', '--aggregate', row.label, '--where', QUERY, '--out', cliCopy]);
    const bytes = fs.readFileSync(target);
    assert.ok(bytes.length > 0);
    assert.ok(bytes.equals(fs.readFileSync(cliCopy)), 'the editor\'s export differs from eventbus export');
    assert.equal(bytes.toString('utf8').split('\n').filter(Boolean).length, countOf(row.description));
  });

  it('eventbus.exportEvents from the palette: the whole query result as CSV with the chosen columns', async () => {
    const target = path.join(scratch, 'result.csv');
    await runCommand('eventbus.exportEvents', [undefined, { format: 'csv', columns: ['id', 'type', 'data.quantity'], target }]);
    const rows = fs.readFileSync(target, 'utf8').split('\r\n').filter(Boolean);
    assert.equal(rows[0], 'id,type,data.quantity');
    assert.deepEqual(rows.slice(1).map((r) => r.split(',')[0]), expected.map((e) => e.metadata.event_id));
  });

  it('eventbus.copyEventJson: the clipboard holds the event as stored', async () => {
    const [aggregate] = (await rowsOf('eventbus.aggregates')).filter((r) => r.contextValue === 'aggregate');
    const [event] = (await rowsOf('eventbus.aggregates', aggregate.node)).filter((r) => r.command?.command === 'eventbus.openEvent');
    await runCommand('eventbus.copyEventJson', [event.node]);
    const copied = JSON.parse(await vscode.env.clipboard.readText()) as CliEvent;
    const id = (event.node as { entry: { eventId: string } }).entry.eventId;
    assert.equal(copied.metadata.event_id, id);
    assert.deepEqual(copied, JSON.parse(eventbusCli(fixture, ['events', '--where', `id == "${id}"`])));
  });

  it('eventbus.openGroupInInspector on an aggregate row opens the inspector on it', async () => {
    const [row] = (await rowsOf('eventbus.aggregates')).filter((r) => r.contextValue === 'aggregate');
    await runCommand('eventbus.openGroupInInspector', [row.node]);
    await webviewTab(new RegExp(row.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('eventbus.replayGroup on a correlation row replays that correlation', async () => {
    const [row] = (await allRootRows('eventbus.correlations')).filter((r) => r.contextValue === 'correlation');
    await runCommand('eventbus.replayGroup', [row.node]);
    const editor = await activeEditorNamed(/^\/replay correlation .*\.txt$/);
    assert.equal(editor.document.getText().split('\n').filter((line) => /^\S+\s+#\d+ /.test(line)).length, fixture.correlations[row.label]);
  });

  it('eventbus.showGroupInTimeline on an aggregate row: the query becomes that aggregate, the timeline opens', async () => {
    const [row] = (await rowsOf('eventbus.aggregates')).filter((r) => r.contextValue === 'aggregate');
    await runCommand('eventbus.showGroupInTimeline', [row.node]);
    await webviewTab(/Timeline/);
    const rows = (await allRootRows('eventbus.aggregates')).filter((r) => r.contextValue === 'aggregate');
    assert.deepEqual(rows.map((r) => r.label), [row.label]);
    assert.equal(countOf(rows[0].description), fixture.aggregates[row.label]);
  });

  it('eventbus.runSavedQuery runs a query saved in the workspace settings; eventbus.focusQuery shows the box', async () => {
    await vscode.workspace.getConfiguration('eventbus').update('savedQueries', [{ name: 'big trades', query: QUERY }], vscode.ConfigurationTarget.Workspace);
    try {
      await runCommand('eventbus.runSavedQuery', [], { picks: ['big trades'] });
      const rows = (await allRootRows('eventbus.aggregates')).filter((r) => r.contextValue === 'aggregate');
      assert.equal(rows.reduce((sum, r) => sum + countOf(r.description), 0), expected.filter((e) => e.metadata.aggregate_id).length);
      await runCommand('eventbus.focusQuery');
    } finally {
      await vscode.workspace.getConfiguration('eventbus').update('savedQueries', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('an empty query clears the filter from every view', async () => {
    const status = await runCommand<QueryStatus>('eventbus.query.apply', ['']);
    assert.equal(status.kind, 'idle');
    const rows = (await allRootRows('eventbus.aggregates')).filter((r) => r.contextValue === 'aggregate');
    assert.deepEqual(rows.map((r) => r.label), aggregatesBefore);
  });
});
