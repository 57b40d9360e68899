// Live: another process (here the test, as the Python bus would) writes to
// the store; the server's watcher notices, storeChanged reaches the
// extension, and the views refresh without anyone asking.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventbusJsonLines, loadExplorerFixture } from './explorerFixture';
import { capturedView, rowsOf, waitForRows } from './treeCapture';

const NEW_DAY = 'events_2024-01-17.jsonl';

interface StoredEvent {
  event_type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown> & { sequence_number: number; timestamp: string };
}

/** Waits for the provider to fire (a refresh it was not asked for) and then for `aggregateId` to be listed; returns the milliseconds taken. */
async function waitForLiveAggregate(aggregateId: string, changesBefore: number, started: number, timeoutMs = 15_000): Promise<number> {
  const view = capturedView('eventbus.aggregates');
  for (;;) {
    if (view.changes > changesBefore) {
      const rows = await rowsOf('eventbus.aggregates');
      if (rows.some((r) => r.label === aggregateId)) return Date.now() - started;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`${aggregateId} did not appear in the Aggregates view within ${timeoutMs / 1000} s (view refreshed ${view.changes - changesBefore} times)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('live: events appended on disk reach the views by themselves', () => {
  const fixture = loadExplorerFixture();
  let template: StoredEvent;
  let nextSequence = 0;
  let nextTime = 0;

  const eventFor = (aggregateId: string): string => {
    const metadata = { ...template.metadata, event_id: randomUUID(), aggregate_id: aggregateId, sequence_number: nextSequence++, timestamp: new Date(nextTime).toISOString(), causation_id: null };
    nextTime += 1000;
    return `${JSON.stringify({ ...template, metadata })}\n`;
  };

  before(async () => {
    const events = eventbusJsonLines(fixture, ['events']) as unknown as StoredEvent[];
    template = events.find((e) => e.event_type === 'system_health_check') ?? events[events.length - 1];
    nextSequence = Math.max(...events.map((e) => e.metadata.sequence_number)) + 1;
    nextTime = Date.parse('2024-01-17T00:00:01Z');
    // Only visible views re-fetch on a change: show the Aggregates view, as a person watching it would.
    await vscode.commands.executeCommand('eventbus.aggregates.focus');
    await waitForRows('eventbus.aggregates', 'aggregate');
  });

  it('a new day file with an event of a new aggregate: the aggregate appears', async () => {
    const changes = capturedView('eventbus.aggregates').changes;
    const started = Date.now();
    fs.writeFileSync(path.join(fixture.store, 'events', NEW_DAY), eventFor('e2e_live_1'));
    const took = await waitForLiveAggregate('e2e_live_1', changes, started);
    console.log(`      (new day file → row in ${took} ms)`);
  });

  it('an append to that day: the next new aggregate appears, and the Status view counts it', async () => {
    const changes = capturedView('eventbus.aggregates').changes;
    const started = Date.now();
    fs.appendFileSync(path.join(fixture.store, 'events', NEW_DAY), eventFor('e2e_live_2'));
    const took = await waitForLiveAggregate('e2e_live_2', changes, started);
    console.log(`      (append → row in ${took} ms)`);
    const events = (await rowsOf('eventbus.status')).find((r) => r.label === 'Events')?.description;
    assert.equal(events, (fixture.stats.events + 2).toLocaleString('en'));
  });
});
