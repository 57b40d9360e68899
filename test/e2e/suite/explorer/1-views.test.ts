import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { errorCount, loadExplorerFixture } from './explorerFixture';
import { allRootRows, capturedView, type Row, rowsOf, waitForRows } from './treeCapture';

const n = (value: number) => value.toLocaleString('en');

describe('the Event Bus views list what the store holds (eventbus CLI as the reference)', () => {
  const fixture = loadExplorerFixture();

  before(async function () {
    this.timeout(60_000);
    await waitForRows('eventbus.aggregates', 'aggregate', 45_000);
  });

  it('created the five views of the Event Bus container', () => {
    for (const id of ['eventbus.aggregates', 'eventbus.correlations', 'eventbus.eventTypes', 'eventbus.snapshots', 'eventbus.status']) capturedView(id);
  });

  it('Aggregates: every aggregate the CLI counts, in natural id order (trader_2 before trader_10), with its event count', async () => {
    const rows = await allRootRows('eventbus.aggregates');
    // Digit runs compare as numbers: padded, they sort by code unit as naturalCompare orders them (the ids have no leading zeros).
    const natural = (id: string) => id.replace(/\d+/g, (digits) => digits.padStart(20, '0'));
    const expected = Object.keys(fixture.aggregates).sort((a, b) => (natural(a) < natural(b) ? -1 : natural(a) > natural(b) ? 1 : 0));
    assert.equal(expected.length, fixture.stats.aggregates);
    assert.deepEqual(
      rows.map((r) => r.label),
      expected,
    );
    for (const row of rows) {
      const count = fixture.aggregates[row.label];
      assert.ok(row.description.startsWith(`${n(count)} event${count === 1 ? '' : 's'}`), `${row.label}: description "${row.description}", expected ${count} events`);
    }
  });

  it('Aggregates: an aggregate expands to its events in sequence order (#seq type), each opening its event', async () => {
    const [aggregate] = (await rowsOf('eventbus.aggregates')).filter((r) => r.contextValue === 'aggregate');
    const events = (await rowsOf('eventbus.aggregates', aggregate.node)).filter((r) => r.command?.command === 'eventbus.openEvent');
    const expected = Math.min(fixture.aggregates[aggregate.label], vscode.workspace.getConfiguration('eventbus').get<number>('pageSize', 200));
    assert.equal(events.length, expected, `${aggregate.label}: ${events.length} event rows`);
    const sequences = events.map((r) => Number(/^#(\d+) /.exec(r.label)?.[1]));
    assert.ok(sequences.every((s) => Number.isInteger(s)), `labels: ${events.slice(0, 3).map((r) => r.label).join(' | ')}`);
    assert.deepEqual([...sequences].sort((a, b) => a - b), sequences, 'events are not in sequence order');
  });

  it('Event Types: every type with the CLI stats count, most frequent first', async () => {
    const rows = await allRootRows('eventbus.eventTypes');
    const expected = Object.entries(fixture.stats.event_types).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    assert.deepEqual(
      rows.map((r) => [r.label, r.description]),
      expected.map(([type, count]) => [type, n(count)]),
    );
  });

  it('Correlations: every correlation id the CLI finds, paged with "Load more"', async () => {
    const firstPage = await rowsOf('eventbus.correlations');
    const pageSize = vscode.workspace.getConfiguration('eventbus').get<number>('pageSize', 200);
    const total = Object.keys(fixture.correlations).length;
    assert.equal(total, fixture.stats.correlations);
    if (total > pageSize) {
      assert.equal(firstPage.length, pageSize + 1, 'a first page and a "Load more" row');
      assert.equal(firstPage[pageSize].command?.command, 'eventbus.loadMore');
    }
    const rows = await allRootRows('eventbus.correlations');
    assert.deepEqual(rows.map((r) => r.label).sort(), Object.keys(fixture.correlations).sort());
    for (const row of rows.slice(0, 50)) assert.ok(row.description.startsWith(`${n(fixture.correlations[row.label])} event`), `${row.label}: ${row.description}`);
  });

  it('Snapshots: each aggregate with snapshots, and its snapshot files', async () => {
    const groups = await allRootRows('eventbus.snapshots');
    const byAggregate = new Map<string, string[]>();
    for (const s of fixture.snapshots) byAggregate.set(s.aggregate_id, [...(byAggregate.get(s.aggregate_id) ?? []), path.basename(s.file)]);
    assert.deepEqual(groups.map((g) => g.label).sort(), [...byAggregate.keys()].sort());
    for (const group of groups) {
      const children = await rowsOf('eventbus.snapshots', group.node);
      const files = children.map((c) => c.command?.arguments?.[0]).filter((u): u is string => typeof u === 'string').map((u) => path.basename(vscode.Uri.parse(u).fsPath));
      assert.deepEqual(files.sort(), (byAggregate.get(group.label) ?? []).sort(), `snapshots of ${group.label}`);
    }
  });

  it('Status: live, the CLI event count, files, and the error count eventbus validate reports', async () => {
    let rows: Row[] = [];
    const deadline = Date.now() + 30_000;
    const value = (label: string) => rows.find((r) => r.label === label)?.description;
    const errors = errorCount(fixture.findings);
    for (;;) {
      rows = await rowsOf('eventbus.status');
      if (value('State') === 'live' && value('Errors') === n(errors)) break;
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(value('State'), 'live', rows.map((r) => `${r.label}: ${r.description}`).join('; '));
    assert.equal(value('Events'), n(fixture.stats.events));
    assert.equal(value('Files'), '2');
    assert.equal(value('Errors'), n(errors));
    assert.equal(value('Sequence mode'), fixture.stats.sequence_mode);
    assert.equal(value('Store'), fixture.store);
  });
});
