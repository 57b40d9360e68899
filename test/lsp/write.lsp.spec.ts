import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import {
  AggregateEventsRequest,
  AggregatesRequest,
  CorrelationsRequest,
  EventByIdRequest,
  RebuildRequest,
  SnapshotCreateRequest,
  StatusRequest,
} from '../../src/shared/protocol';
import {
  CleanupExecuteRequest,
  CleanupPlanRequest,
  MigrateExecuteRequest,
  MigratePlanRequest,
  PublishCheckRequest,
  PublishRequest,
  type PublishParams,
  PublishTemplateRequest,
  RefreshRequest,
  ReplayCorrelationRequest,
  RestoreFromSnapshotRequest,
  ValidateStoreRequest,
} from '../../src/shared/writeProtocol';
import { ReplayDocumentRequest } from '../../src/shared/replayProtocol';
import { makeTempDir } from '../helpers/tempStore';
import { type LspClient, startServer } from './lspClient';
import { cliValidate } from './lspFixtures';

interface StoredEvent {
  event_type: string;
  data: Record<string, unknown>;
  metadata: { event_id: string; aggregate_id: string | null; correlation_id: string | null; sequence_number: number; schema_version: string; source: string };
}

const DAY1 = 'events/events_2024-01-15.jsonl';
const BROKEN_LINE = 'this line is not JSON';

/** Every readable event line of the plain day files, in store order (file name, then line). */
function storedEvents(store: string): StoredEvent[] {
  const dir = path.join(store, 'events');
  const events: StoredEvent[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      try {
        const parsed = JSON.parse(line) as StoredEvent;
        if (parsed && typeof parsed === 'object' && parsed.metadata) events.push(parsed);
      } catch {
        // Not an event line.
      }
    }
  }
  return events;
}

/** Names and sizes of the store's event and snapshot files: what a refused write must leave alone. */
function filesState(store: string): string[] {
  return ['events', 'snapshots'].flatMap((dir) =>
    fs.existsSync(path.join(store, dir)) ? fs.readdirSync(path.join(store, dir)).map((name) => `${dir}/${name}:${fs.statSync(path.join(store, dir, name)).size}`) : [],
  ).sort();
}

describe('write and scan requests over stdio', () => {
  let folder: string;
  let store: string;
  let cleanup: () => void;
  let client: LspClient;
  let publishedId: string;

  before(async () => {
    ({ dir: folder, cleanup } = makeTempDir('eventbus-lsp-write-'));
    store = path.join(folder, 'event_store');
    generateStoreSync({ events: 900, days: 2, outDir: store, seed: 23 });
    // Faults for Validate to count: a line that is not JSON and an event of a type no schema knows.
    const day1 = path.join(store, DAY1);
    const template = JSON.parse(fs.readFileSync(day1, 'utf8').split('\n')[0]) as StoredEvent;
    const mystery = { ...template, event_type: 'mystery_type', metadata: { ...template.metadata, event_id: randomUUID() } };
    fs.appendFileSync(day1, `${BROKEN_LINE}\n${JSON.stringify(mystery)}\n`);
    client = await startServer({ folder });
    await client.waitForStoreChanged((p) => p.reason === 'opened');
  });

  after(async () => {
    await client?.stop();
    cleanup?.();
  });

  /** `trusted` left out on purpose in one test: what an old or careless client sends. */
  const publish = (params: Omit<PublishParams, 'trusted' | 'store'> & { trusted?: boolean }) => client.connection.sendRequest(PublishRequest.type, { store, ...params } as PublishParams);

  it('validate: the counts by severity and file are those of `eventbus validate` and of the status', async () => {
    const summary = await client.connection.sendRequest(ValidateStoreRequest.type, { store });
    const cli = await cliValidate(folder);
    const bySeverity = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const finding of cli) bySeverity[finding.severity as keyof typeof bySeverity]++;
    assert.ok(bySeverity.error > 0, 'the injected faults are found');
    assert.deepEqual(summary.problems, bySeverity);
    const [status] = (await client.connection.sendRequest(StatusRequest.type, {})).stores;
    assert.deepEqual(summary.problems, status.problems);
    assert.equal(summary.eventCount, status.eventCount);
    assert.deepEqual(summary.files.map((f) => f.file).sort(), [...new Set(cli.map((f) => f.file))].sort());
    const day1 = summary.files.find((f) => f.file === DAY1);
    assert.equal(day1?.error, cli.filter((f) => f.file === DAY1 && f.severity === 'error').length);
    assert.equal(day1?.uri, `file://${path.join(store, DAY1)}`);
  });

  it('refuses publish, cleanup and migration when the client says the workspace is untrusted, and writes nothing', async () => {
    const before = filesState(store);
    const data = { alert_type: 'drawdown', severity: 'high', message: 'untrusted' };
    await assert.rejects(publish({ trusted: false, eventType: 'risk_alert', data }), /Publish needs a trusted workspace: it writes to the event store/);
    await assert.rejects(publish({ eventType: 'risk_alert', data }), /sent no "trusted": true/);
    const cleanupPlan = await client.connection.sendRequest(CleanupPlanRequest.type, { store });
    await assert.rejects(
      client.connection.sendRequest(CleanupExecuteRequest.type, { store, trusted: false, planId: cleanupPlan.planId }),
      /Clean up needs a trusted workspace/,
    );
    const migratePlan = await client.connection.sendRequest(MigratePlanRequest.type, { store });
    await assert.rejects(client.connection.sendRequest(MigrateExecuteRequest.type, { store, trusted: false, planId: migratePlan.planId }), /Migrate needs a trusted workspace/);
    assert.deepEqual(filesState(store), before);
  });

  it('publish appends one line through the bus, and the index sees it at once', async () => {
    const [before] = (await client.connection.sendRequest(StatusRequest.type, {})).stores;
    const data = { alert_type: 'drawdown', severity: 'high', message: 'published from the editor' };
    const result = await publish({ trusted: true, eventType: 'risk_alert', data, aggregateId: 'lsp_publish_test', correlationId: 'lsp-corr-1' });
    const event = result.event as StoredEvent;
    assert.equal(event.event_type, 'risk_alert');
    assert.deepEqual(event.data, data);
    assert.equal(event.metadata.aggregate_id, 'lsp_publish_test');
    assert.equal(event.metadata.correlation_id, 'lsp-corr-1');
    assert.equal(event.metadata.source, 'vscode');
    assert.equal(event.metadata.schema_version, '1.0');
    publishedId = event.metadata.event_id;
    assert.ok(result.entry, 'the index located the event');
    assert.equal(result.entry.eventId, publishedId);
    const onDisk = fs.readFileSync(path.join(store, result.entry.file), 'utf8').split('\n')[result.entry.line - 1];
    assert.deepEqual(JSON.parse(onDisk), event);
    const events = await client.connection.sendRequest(AggregateEventsRequest.type, { store, aggregateId: 'lsp_publish_test' });
    assert.deepEqual(events.items.map((e) => e.eventId), [publishedId]);
    const [after] = (await client.connection.sendRequest(StatusRequest.type, {})).stores;
    assert.equal(after.eventCount, before.eventCount + 1);
    assert.ok(event.metadata.sequence_number > 900, 'the global sequence continues after the stored events');
  });

  it('a publish the schema rejects is an error response naming the problems', async () => {
    await assert.rejects(
      publish({ trusted: true, eventType: 'risk_alert', data: { alert_type: 'drawdown' } }),
      (error: Error) => /rejected by schema validation/.test(error.message) && /severity/.test(error.message) && /message/.test(error.message),
    );
    await assert.rejects(publish({ trusted: true, eventType: '', data: {} }), /eventType must be a non-empty string/);
  });

  it('the publish form\'s check and a refused editor publish write nothing: the store stays byte-identical (no system_error)', async () => {
    const bytes = () =>
      fs.readdirSync(path.join(store, 'events')).sort().map((name) => `${name}:${fs.readFileSync(path.join(store, 'events', name)).toString('base64')}`);
    const before = bytes();
    const invalid = await client.connection.sendRequest(PublishCheckRequest.type, { store, eventType: 'risk_alert', data: { alert_type: 'drawdown' } });
    assert.equal(invalid.schemaVersion, '1.0');
    assert.ok(invalid.problems.some((p) => /severity/.test(p)) && invalid.problems.some((p) => /message/.test(p)), invalid.problems.join('; '));
    const typo = await client.connection.sendRequest(PublishCheckRequest.type, { store, eventType: 'risk_alrt', data: {} });
    assert.equal(typo.unknownType, true);
    assert.match(typo.problems[0], /Did you mean "risk_alert"/);
    assert.doesNotMatch(typo.problems[0], /--[a-z]/, 'no CLI flag in an editor message');
    const valid = await client.connection.sendRequest(PublishCheckRequest.type, { store, eventType: 'risk_alert', data: { alert_type: 'drawdown', severity: 'high', message: 'ok' } });
    assert.deepEqual(valid.problems, []);
    await assert.rejects(publish({ trusted: true, eventType: 'risk_alert', data: { alert_type: 'drawdown' } }), /nothing was written/);
    await assert.rejects(publish({ trusted: true, eventType: 'risk_alrt', data: {} }), /was not published, nothing was written/);
    assert.deepEqual(bytes(), before, 'no line was appended (the bus would have recorded a system_error)');
    const template = await client.connection.sendRequest(PublishTemplateRequest.type, { store, eventType: 'risk_alert' });
    assert.ok(template.knownTypes.includes('risk_alert') && template.knownTypes.includes('system_error'));
    assert.equal(template.schemaVersion, '1.0');
    for (const key of template.required) assert.ok(key in (template.template as Record<string, unknown>), `the template has the required ${key}`);
    assert.ok(template.required.includes('severity'));
    const filled = await client.connection.sendRequest(PublishCheckRequest.type, { store, eventType: 'risk_alert', data: template.template });
    assert.ok(filled.problems.every((p) => !/must have required property/.test(p)), `the template has every required field: ${filled.problems.join('; ')}`);
  });

  it('replayCorrelation: the correlation\'s events across aggregates in store order, upcast to the newest schema', async () => {
    const page = await client.connection.sendRequest(CorrelationsRequest.type, { store, limit: 10_000 });
    const stored = storedEvents(store);
    const withTrade = page.items.filter((c) => c.count >= 3).find((c) => stored.some((e) => e.metadata.correlation_id === c.correlationId && e.event_type === 'trade_executed'));
    assert.ok(withTrade, 'a chain with a trade');
    const result = await client.connection.sendRequest(ReplayCorrelationRequest.type, { store, correlationId: withTrade.correlationId });
    const replayed = result.events as StoredEvent[];
    assert.equal(result.truncated, false);
    assert.deepEqual(
      replayed.map((e) => e.metadata.event_id),
      stored.filter((e) => e.metadata.correlation_id === withTrade.correlationId).map((e) => e.metadata.event_id),
    );
    assert.ok(new Set(replayed.map((e) => e.metadata.aggregate_id)).size > 1, 'across aggregates');
    for (const trade of replayed.filter((e) => e.event_type === 'trade_executed')) {
      assert.equal(trade.metadata.schema_version, '1.1');
      assert.ok('venue' in trade.data);
    }
    const limited = await client.connection.sendRequest(ReplayCorrelationRequest.type, { store, correlationId: withTrade.correlationId, limit: 2 });
    assert.deepEqual(limited.events, replayed.slice(0, 2));
    assert.equal(limited.truncated, true);
  });

  it('replayDocument: one row per event with the change it made, and for a correlation the causation tree as the CLI prints it', async () => {
    const { items } = await client.connection.sendRequest(AggregatesRequest.type, { store, limit: 10_000 });
    const aggregateId = [...items].sort((a, b) => b.count - a.count)[0].aggregateId;
    const entries = await client.connection.sendRequest(AggregateEventsRequest.type, { store, aggregateId, limit: 10_000 });
    const sequences = entries.items.map((e) => e.sequence as number);
    const doc = await client.connection.sendRequest(ReplayDocumentRequest.type, { store, aggregateId, fromSequence: sequences[1], toSequence: sequences[3] });
    assert.deepEqual(doc.rows.map((r) => r.sequence), sequences.slice(1, 4));
    assert.deepEqual(doc.rows.map((r) => r.eventId), entries.items.slice(1, 4).map((e) => e.eventId));
    assert.equal(doc.foldProblem, null);
    assert.equal(doc.causationTree, null);
    for (const row of doc.rows) {
      assert.ok(row.changes !== null, 'folded');
      assert.ok(row.changes.every((c) => !c.includes('/_meta')), `bookkeeping left out: ${row.changes.join(' | ')}`);
    }
    // The second row's changes are exactly the difference between the rebuilt states around it.
    const [beforeState, afterState] = await Promise.all([
      client.connection.sendRequest(RebuildRequest.type, { store, aggregateId, atSequence: sequences[1] }),
      client.connection.sendRequest(RebuildRequest.type, { store, aggregateId, atSequence: sequences[2] }),
    ]);
    const changedKeys = Object.keys({ ...(afterState.state as object) }).filter(
      (k) => k !== '_meta' && JSON.stringify((afterState.state as Record<string, unknown>)[k]) !== JSON.stringify((beforeState.state as Record<string, unknown>)[k]),
    );
    for (const key of changedKeys) assert.ok(doc.rows[1].changes!.some((c) => c.includes(`/${key}`)), `row #${sequences[2]} names the change to ${key}: ${doc.rows[1].changes!.join(' | ')}`);

    const page = await client.connection.sendRequest(CorrelationsRequest.type, { store, limit: 10_000 });
    const correlationId = [...page.items].sort((a, b) => b.count - a.count)[0].correlationId;
    const chain = await client.connection.sendRequest(ReplayDocumentRequest.type, { store, correlationId });
    assert.equal(chain.rows.length, page.items.find((c) => c.correlationId === correlationId)!.count);
    const cli = spawnSync(process.execPath, [path.join(__dirname, '..', '..', '..', 'dist', 'cli.js'), 'correlation', correlationId, '--store', store], { encoding: 'utf8' });
    if (cli.status === 0) assert.equal(chain.causationTree, cli.stdout.trimEnd());
    else assert.match(chain.causationTree ?? '', /event\(s\), \d+ aggregate\(s\)/);
    assert.match(chain.causationTree ?? '', /[├└]─ .* \+[\d.]+ (ms|s|min|h)/, 'hops carry the time they took');
  });

  it('restoreFromSnapshot: that snapshot plus the events after it equals a rebuild', async () => {
    const { items } = await client.connection.sendRequest(AggregatesRequest.type, { store, limit: 10_000 });
    const aggregateId = [...items].sort((a, b) => b.count - a.count)[0].aggregateId;
    const entries = await client.connection.sendRequest(AggregateEventsRequest.type, { store, aggregateId, limit: 10_000 });
    const sequences = entries.items.map((e) => e.sequence as number);
    assert.ok(sequences.length >= 6);
    const [early, late, last] = [sequences[1], sequences[sequences.length - 2], sequences[sequences.length - 1]];
    const first = await client.connection.sendRequest(SnapshotCreateRequest.type, { store, aggregateId, atSequence: early });
    const second = await client.connection.sendRequest(SnapshotCreateRequest.type, { store, aggregateId, atSequence: late });

    const restored = await client.connection.sendRequest(RestoreFromSnapshotRequest.type, { store, aggregateId, snapshotFile: first.file });
    const rebuilt = await client.connection.sendRequest(RebuildRequest.type, { store, aggregateId });
    assert.equal(restored.fromSnapshot, first.file, 'started from the chosen snapshot, not the latest');
    assert.notEqual(rebuilt.fromSnapshot, first.file);
    assert.equal(restored.eventsApplied, sequences.filter((s) => s > early).length);
    assert.equal(restored.lastSequence, last);
    assert.deepEqual(restored.state, rebuilt.state);

    const partial = await client.connection.sendRequest(RestoreFromSnapshotRequest.type, { store, aggregateId, snapshotFile: first.file, toSequence: late });
    const atLate = await client.connection.sendRequest(RebuildRequest.type, { store, aggregateId, atSequence: late });
    assert.equal(atLate.fromSnapshot, second.file);
    assert.deepEqual(partial.state, atLate.state);

    await assert.rejects(
      client.connection.sendRequest(RestoreFromSnapshotRequest.type, { store, aggregateId, snapshotFile: first.file, toSequence: sequences[0] }),
      /before the snapshot's sequence .*expected .* or later/,
    );
    await assert.rejects(
      client.connection.sendRequest(RestoreFromSnapshotRequest.type, { store, aggregateId, snapshotFile: 'snapshots/nope.json' }),
      new RegExp(`snapshots/nope.json is not a snapshot of ${aggregateId} \\(expected one of: .*${first.file}`),
    );
  });

  it('migrate: the plan lists old-version events; execute rewrites exactly those and keeps the originals', async () => {
    const planned = await client.connection.sendRequest(MigratePlanRequest.type, { store });
    assert.ok(planned.plan.files.length > 0 && planned.plan.events > 0);
    for (const file of planned.plan.files) assert.deepEqual(Object.keys(file.steps), ['trade_executed 1.0 -> 1.1']);
    const originals = new Map(planned.plan.files.map((f) => [f.file, fs.readFileSync(path.join(store, f.file))]));

    const result = await client.connection.sendRequest(MigrateExecuteRequest.type, { store, trusted: true, planId: planned.planId });
    assert.deepEqual(result.files, planned.plan.files.map((f) => f.file));
    assert.equal(result.events, planned.plan.events);
    for (const [file, bytes] of originals) {
      assert.deepEqual(fs.readFileSync(path.join(store, result.backupDir, file)), bytes, `${file} kept in ${result.backupDir}`);
      const now = fs.readFileSync(path.join(store, file), 'utf8').split('\n');
      assert.equal(now.length, bytes.toString('utf8').split('\n').length, 'one line per line');
    }
    const old = storedEvents(store).filter((e) => e.event_type === 'trade_executed' && e.metadata.schema_version === '1.0');
    assert.deepEqual(old, []);
    assert.ok(fs.readFileSync(path.join(store, DAY1), 'utf8').includes(BROKEN_LINE), 'lines that are not events are kept as they were');
    const again = await client.connection.sendRequest(MigratePlanRequest.type, { store });
    assert.deepEqual(again.plan.files, []);
    await assert.rejects(client.connection.sendRequest(MigrateExecuteRequest.type, { store, trusted: true, planId: 'no-such-plan' }), /unknown or expired/);
  });

  it('cleanup: a plan the store no longer matches is refused; the confirmed plan removes exactly its files', async () => {
    const planned = await client.connection.sendRequest(CleanupPlanRequest.type, { store });
    assert.deepEqual(planned.plan.eventFiles.map((f) => f.file).sort(), ['events/events_2024-01-15.jsonl', 'events/events_2024-01-16.jsonl']);
    assert.equal(planned.plan.ttlDays, 30);
    // The store changes after the user saw the plan: a day grows.
    fs.appendFileSync(path.join(store, planned.plan.eventFiles[0].file), `${BROKEN_LINE}\n`);
    const before = filesState(store);
    await assert.rejects(
      client.connection.sendRequest(CleanupExecuteRequest.type, { store, trusted: true, planId: planned.planId }),
      /the store changed since the cleanup plan was shown \(now also events\/events_2024-01-15\.jsonl .*\); nothing was removed/,
    );
    assert.deepEqual(filesState(store), before);

    const fresh = await client.connection.sendRequest(CleanupPlanRequest.type, { store });
    const result = await client.connection.sendRequest(CleanupExecuteRequest.type, { store, trusted: true, plan: fresh.plan });
    const planned2 = [...fresh.plan.eventFiles, ...fresh.plan.snapshots].map((t) => t.file).sort();
    assert.deepEqual([...result.removed].sort(), planned2);
    assert.deepEqual(result.failed, []);
    for (const file of planned2) assert.equal(fs.existsSync(path.join(store, file)), false, `${file} removed`);
    for (const kept of fresh.plan.keptSnapshots) assert.ok(fs.existsSync(path.join(store, kept.file)), `${kept.file} kept`);
    const detail = await client.connection.sendRequest(EventByIdRequest.type, { store, eventId: publishedId });
    assert.ok(detail, "today's published event is still there");
    await assert.rejects(
      client.connection.sendRequest(CleanupExecuteRequest.type, { store, trusted: true, plan: { ...fresh.plan, storeRoot: '/elsewhere' } }),
      /the cleanup plan is for \/elsewhere/,
    );
  });

  it('refresh re-reads the store now and reports what it holds', async () => {
    const detail = await client.connection.sendRequest(EventByIdRequest.type, { store, eventId: publishedId });
    assert.ok(detail);
    const copy = JSON.parse(JSON.stringify(detail.event)) as StoredEvent;
    copy.metadata.event_id = randomUUID();
    copy.metadata.sequence_number += 1000;
    fs.appendFileSync(path.join(store, detail.entry.file), `${JSON.stringify(copy)}\n`);
    const refreshed = await client.connection.sendRequest(RefreshRequest.type, { store });
    assert.equal(refreshed.storeRoot, store);
    assert.ok(await client.connection.sendRequest(EventByIdRequest.type, { store, eventId: copy.metadata.event_id }), 'the appended event is indexed when refresh answers');
    const [status] = (await client.connection.sendRequest(StatusRequest.type, {})).stores;
    assert.equal(refreshed.eventCount, status.eventCount);
    assert.deepEqual(refreshed.problems, status.problems);
  });
});
