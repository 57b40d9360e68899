import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeCleanupConfirmation,
  describeCleanupResult,
  describeMigrationConfirmation,
  describeMigrationResult,
  isGuarded,
  formatBytes,
  MAX_LISTED,
} from '../../src/extension/commands/planDescriptions';
import { jsonLines, stateDocument, validationMessage, verifySummary, viewName } from '../../src/extension/commands/summaries';
import type { SnapshotVerification } from '../../src/shared/protocol';
import type { CleanupPlanJson, MigrationPlanJson, StoreShare } from '../../src/shared/writeProtocol';

const cleanup = (over: Partial<CleanupPlanJson> = {}): CleanupPlanJson => ({
  storeRoot: '/w/event_store',
  now: '2024-03-01T00:00:00.000Z',
  ttlDays: 30,
  cutoffDay: '2024-01-31',
  eventFiles: [
    { file: 'events/events_2024-01-01.jsonl', day: '2024-01-01', bytes: 2048 },
    { file: 'events/events_2024-01-02.jsonl.gz', day: '2024-01-02', bytes: 100 },
  ],
  snapshots: [{ file: 'snapshots/snapshot_trader_1_100.json', aggregateId: 'trader_1', sequenceNumber: 100, timestamp: '2024-01-01T00:00:00.000Z', bytes: 300 }],
  keptSnapshots: [{ file: 'snapshots/snapshot_trader_1_200.json', reason: 'latest snapshot of trader_1' }],
  bytes: 2448,
  ...over,
});

const migration = (over: Partial<MigrationPlanJson> = {}): MigrationPlanJson => ({
  storeRoot: '/w/event_store',
  files: [
    { file: 'events/events_2024-01-15.jsonl', compressed: false, events: 3, steps: { 'trade_executed 1.0 -> 1.1': 3 } },
    { file: 'events/events_2024-01-16.jsonl.gz', compressed: true, events: 1, steps: { 'risk_alert 1.0 -> 2.0': 1 } },
  ],
  events: 4,
  stranded: {},
  ...over,
});

describe('cleanup confirmation', () => {
  it('lists every file it will delete, the sizes, the TTL and what it keeps', () => {
    const c = describeCleanupConfirmation(cleanup());
    assert.equal(c.nothingToDo, false);
    assert.equal(c.message, 'Delete 3 files (2.4 KiB) from the event store?');
    assert.equal(c.confirmLabel, 'Delete 3 Files');
    assert.match(c.detail, /event_ttl_days is 30: days before 2024-01-31 expire/);
    assert.match(c.detail, /• events\/events_2024-01-01\.jsonl {2}\(2\.0 KiB, day 2024-01-01\)/);
    assert.match(c.detail, /• events\/events_2024-01-02\.jsonl\.gz/);
    assert.match(c.detail, /• snapshots\/snapshot_trader_1_100\.json {2}\(snapshot of trader_1 at 100/);
    assert.match(c.detail, /Kept:\n• snapshots\/snapshot_trader_1_200\.json: latest snapshot of trader_1/);
  });

  it('says there is nothing to do instead of asking', () => {
    const c = describeCleanupConfirmation(cleanup({ eventFiles: [], snapshots: [], bytes: 0 }));
    assert.equal(c.nothingToDo, true);
    assert.match(c.message, /^Nothing to clean up: event_ttl_days is 30/);
  });

  it('caps a long list', () => {
    const eventFiles = Array.from({ length: MAX_LISTED + 7 }, (_, i) => ({ file: `events/events_2023-01-${String(i + 1).padStart(2, '0')}.jsonl`, day: 'x', bytes: 1 }));
    const c = describeCleanupConfirmation(cleanup({ eventFiles, snapshots: [], keptSnapshots: [] }));
    assert.equal(c.detail.split('\n').filter((l) => l.startsWith('• ')).length, MAX_LISTED);
    assert.match(c.detail, /… and 7 more/);
    assert.equal(c.confirmLabel, `Delete ${MAX_LISTED + 7} Files`);
  });

  it('reports removals, and failures as a warning', () => {
    assert.deepEqual(describeCleanupResult({ removed: ['a', 'b'], failed: [], bytes: 10 }), { message: 'Removed 2 files (10 B).', failed: false });
    const bad = describeCleanupResult({ removed: [], failed: [{ file: 'events/x.jsonl', message: 'EACCES' }], bytes: 0 });
    assert.equal(bad.failed, true);
    assert.match(bad.message, /Could not remove 1 file: events\/x\.jsonl: EACCES/);
  });
});

describe('migration confirmation', () => {
  it('lists the files with their steps and where the originals go', () => {
    const c = describeMigrationConfirmation(migration({ stranded: { 'trade_executed@0.9': 2 } }));
    assert.equal(c.message, 'Rewrite 4 events in 2 files to the newest schema versions?');
    assert.equal(c.confirmLabel, 'Rewrite 2 Files');
    assert.match(c.detail, /• events\/events_2024-01-15\.jsonl: 3 × trade_executed 1\.0 -> 1\.1/);
    assert.match(c.detail, /• events\/events_2024-01-16\.jsonl\.gz: 1 × risk_alert 1\.0 -> 2\.0/);
    assert.match(c.detail, /2 × trade_executed@0\.9: no migration path/);
    assert.match(c.detail, /originals are kept in backups\/migrate-<time>\//);
  });

  it('says when there is nothing to migrate', () => {
    const c = describeMigrationConfirmation(migration({ files: [], events: 0 }));
    assert.equal(c.nothingToDo, true);
    assert.match(c.message, /^Nothing to migrate/);
    assert.equal(describeMigrationResult({ files: ['a'], events: 1, backupDir: 'backups/migrate-x' }), 'Migrated 1 event in 1 file; the originals are in backups/migrate-x/.');
  });

  it('formats sizes', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(3 * 1024 * 1024), '3.0 MiB');
  });
});

describe('summaries', () => {
  it('validation: counts by severity and files, or a clean bill', () => {
    const problems = { error: 3, warning: 1200, information: 0, hint: 2 };
    const files = [{ file: 'events/a.jsonl', uri: 'file:///a', ...problems }];
    assert.equal(
      validationMessage({ storeRoot: '/s', eventCount: 12345, problems, files, checkedAt: null }),
      'Event store: 3 errors, 1,200 warnings, 2 hints in 1 file (12,345 events checked).',
    );
    assert.equal(
      validationMessage({ storeRoot: '/s', eventCount: 1, problems: { error: 0, warning: 0, information: 0, hint: 0 }, files: [], checkedAt: null }),
      'Event store is valid: no problems (1 event checked).',
    );
  });

  it('verify: names drifted and failed snapshots, with their differences', () => {
    const base: SnapshotVerification = { aggregateId: 'a', sequenceNumber: 5, file: 'snapshots/snapshot_a_5.json', ok: true, eventsApplied: 5, rebuiltToSequence: 5, differences: [] };
    const results: SnapshotVerification[] = [
      base,
      { ...base, aggregateId: 'b', ok: false, differences: ['state.balance: 10 → 12'] },
      { ...base, aggregateId: 'c', ok: false, error: 'not valid JSON' },
    ];
    const summary = verifySummary(results);
    assert.equal(summary.anyBad, true);
    assert.equal(summary.message, '3 snapshots verified: 1 match the events, 1 drifted (b@5), 1 could not be checked (c@5).');
    assert.match(summary.details, /b@5 {2}snapshots\/snapshot_a_5\.json\n {2}rebuilt from 5 events up to 5; snapshot → rebuilt:\n {2}state\.balance: 10 → 12/);
    assert.match(summary.details, /c@5 .*\n {2}could not be checked: not valid JSON/);
    assert.deepEqual(verifySummary([base]), { message: '1 snapshot verified: 1 match the events.', anyBad: false, details: '' });
    assert.equal(verifySummary([]).message, 'The store has no snapshots to verify.');
    // Snapshots whose events TTL removed are neither a match nor drift.
    const removed = verifySummary([base, { ...base, aggregateId: 'd', ok: false, unverifiable: 'cannot verify: events before 61 were removed' }]);
    assert.equal(removed.anyBad, false);
    assert.equal(removed.message, '2 snapshots verified: 1 match the events, 1 cannot be verified: their events were removed (d@5).');
  });

  it('state documents put where the state came from before the state', () => {
    const text = stateDocument({ aggregateId: 'a', state: { x: 1 }, lastSequence: 9, eventsApplied: 4, fromSnapshot: 'snapshots/s.json', skippedSnapshots: [] });
    const parsed = JSON.parse(text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), ['aggregateId', 'atSequence', 'eventsApplied', 'fromSnapshot', 'state']);
    assert.equal(parsed.atSequence, 9);
  });

  it('replay documents are JSON Lines; view names have no separators', () => {
    assert.equal(jsonLines([{ a: 1 }, { b: 2 }]), '{"a":1}\n{"b":2}\n');
    assert.equal(jsonLines([]), '');
    assert.equal(viewName('a/b:c'), 'a_b_c');
  });
});

describe('the share of the store a destructive plan takes', () => {
  const share = (over: Partial<StoreShare> = {}): StoreShare => ({
    events: 1200,
    totalEvents: 30000,
    days: 2,
    totalDays: 7,
    includesNewestDay: false,
    folderName: 'event_store',
    ...over,
  });

  it('states a part of the store as "N of M events (d of D days)" and confirms with the plain button', () => {
    const c = describeCleanupConfirmation(cleanup(), share());
    assert.equal(c.message, 'Delete 1,200 of 30,000 events (2 of 7 days) (3 files, 2.4 KiB) from the event store?');
    assert.equal(c.typeToConfirm, undefined);
    assert.equal(isGuarded(share()), false);
  });

  it('all of the store: "all 30,000 events of 7 days", and the folder name must be typed', () => {
    const all = share({ events: 30000, days: 7 });
    const c = describeCleanupConfirmation(cleanup(), all);
    assert.equal(c.message, 'Delete all 30,000 events of 7 days (3 files, 2.4 KiB) from the event store?');
    assert.equal(c.typeToConfirm, 'event_store');
    assert.match(c.detail, /every event of the store/);
  });

  it('the newest day, even a small share of the store, needs the folder name too; so does a migration rewriting it', () => {
    const newest = share({ events: 10, days: 1, includesNewestDay: true });
    assert.equal(describeCleanupConfirmation(cleanup(), newest).typeToConfirm, 'event_store');
    const m = describeMigrationConfirmation(migration(), newest);
    assert.equal(m.typeToConfirm, 'event_store');
    assert.match(m.detail, /The rewritten files hold 10 of 30,000 events \(1 of 7 days\)\./);
    assert.match(m.detail, /newest day/);
    assert.equal(describeMigrationConfirmation(migration(), share()).typeToConfirm, undefined);
  });
});
