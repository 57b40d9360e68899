"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const node_test_1 = require("node:test");
const planDescriptions_1 = require("../../src/extension/commands/planDescriptions");
const summaries_1 = require("../../src/extension/commands/summaries");
const cleanup = (over = {}) => ({
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
const migration = (over = {}) => ({
    storeRoot: '/w/event_store',
    files: [
        { file: 'events/events_2024-01-15.jsonl', compressed: false, events: 3, steps: { 'trade_executed 1.0 -> 1.1': 3 } },
        { file: 'events/events_2024-01-16.jsonl.gz', compressed: true, events: 1, steps: { 'risk_alert 1.0 -> 2.0': 1 } },
    ],
    events: 4,
    stranded: {},
    ...over,
});
(0, node_test_1.describe)('cleanup confirmation', () => {
    (0, node_test_1.it)('lists every file it will delete, the sizes, the TTL and what it keeps', () => {
        const c = (0, planDescriptions_1.describeCleanupConfirmation)(cleanup());
        assert.equal(c.nothingToDo, false);
        assert.equal(c.message, 'Delete 3 files (2.4 KiB) from the event store?');
        assert.equal(c.confirmLabel, 'Delete 3 Files');
        assert.match(c.detail, /event_ttl_days is 30: days before 2024-01-31 expire/);
        assert.match(c.detail, /• events\/events_2024-01-01\.jsonl {2}\(2\.0 KiB, day 2024-01-01\)/);
        assert.match(c.detail, /• events\/events_2024-01-02\.jsonl\.gz/);
        assert.match(c.detail, /• snapshots\/snapshot_trader_1_100\.json {2}\(snapshot of trader_1 at 100/);
        assert.match(c.detail, /Kept:\n• snapshots\/snapshot_trader_1_200\.json: latest snapshot of trader_1/);
    });
    (0, node_test_1.it)('says there is nothing to do instead of asking', () => {
        const c = (0, planDescriptions_1.describeCleanupConfirmation)(cleanup({ eventFiles: [], snapshots: [], bytes: 0 }));
        assert.equal(c.nothingToDo, true);
        assert.match(c.message, /^Nothing to clean up: event_ttl_days is 30/);
    });
    (0, node_test_1.it)('caps a long list', () => {
        const eventFiles = Array.from({ length: planDescriptions_1.MAX_LISTED + 7 }, (_, i) => ({ file: `events/events_2023-01-${String(i + 1).padStart(2, '0')}.jsonl`, day: 'x', bytes: 1 }));
        const c = (0, planDescriptions_1.describeCleanupConfirmation)(cleanup({ eventFiles, snapshots: [], keptSnapshots: [] }));
        assert.equal(c.detail.split('\n').filter((l) => l.startsWith('• ')).length, planDescriptions_1.MAX_LISTED);
        assert.match(c.detail, /… and 7 more/);
        assert.equal(c.confirmLabel, `Delete ${planDescriptions_1.MAX_LISTED + 7} Files`);
    });
    (0, node_test_1.it)('reports removals, and failures as a warning', () => {
        assert.deepEqual((0, planDescriptions_1.describeCleanupResult)({ removed: ['a', 'b'], failed: [], bytes: 10 }), { message: 'Removed 2 files (10 B).', failed: false });
        const bad = (0, planDescriptions_1.describeCleanupResult)({ removed: [], failed: [{ file: 'events/x.jsonl', message: 'EACCES' }], bytes: 0 });
        assert.equal(bad.failed, true);
        assert.match(bad.message, /Could not remove 1 file: events\/x\.jsonl: EACCES/);
    });
});
(0, node_test_1.describe)('migration confirmation', () => {
    (0, node_test_1.it)('lists the files with their steps and where the originals go', () => {
        const c = (0, planDescriptions_1.describeMigrationConfirmation)(migration({ stranded: { 'trade_executed@0.9': 2 } }));
        assert.equal(c.message, 'Rewrite 4 events in 2 files to the newest schema versions?');
        assert.equal(c.confirmLabel, 'Rewrite 2 Files');
        assert.match(c.detail, /• events\/events_2024-01-15\.jsonl: 3 × trade_executed 1\.0 -> 1\.1/);
        assert.match(c.detail, /• events\/events_2024-01-16\.jsonl\.gz: 1 × risk_alert 1\.0 -> 2\.0/);
        assert.match(c.detail, /2 × trade_executed@0\.9: no migration path/);
        assert.match(c.detail, /originals are kept in backups\/migrate-<time>\//);
    });
    (0, node_test_1.it)('says when there is nothing to migrate', () => {
        const c = (0, planDescriptions_1.describeMigrationConfirmation)(migration({ files: [], events: 0 }));
        assert.equal(c.nothingToDo, true);
        assert.match(c.message, /^Nothing to migrate/);
        assert.equal((0, planDescriptions_1.describeMigrationResult)({ files: ['a'], events: 1, backupDir: 'backups/migrate-x' }), 'Migrated 1 event in 1 file; the originals are in backups/migrate-x/.');
    });
    (0, node_test_1.it)('formats sizes', () => {
        assert.equal((0, planDescriptions_1.formatBytes)(512), '512 B');
        assert.equal((0, planDescriptions_1.formatBytes)(1536), '1.5 KiB');
        assert.equal((0, planDescriptions_1.formatBytes)(3 * 1024 * 1024), '3.0 MiB');
    });
});
(0, node_test_1.describe)('summaries', () => {
    (0, node_test_1.it)('validation: counts by severity and files, or a clean bill', () => {
        const problems = { error: 3, warning: 1200, information: 0, hint: 2 };
        const files = [{ file: 'events/a.jsonl', uri: 'file:///a', ...problems }];
        assert.equal((0, summaries_1.validationMessage)({ storeRoot: '/s', eventCount: 12345, problems, files, checkedAt: null }), 'Event store: 3 errors, 1,200 warnings, 2 hints in 1 file (12,345 events checked).');
        assert.equal((0, summaries_1.validationMessage)({ storeRoot: '/s', eventCount: 1, problems: { error: 0, warning: 0, information: 0, hint: 0 }, files: [], checkedAt: null }), 'Event store is valid: no problems (1 event checked).');
    });
    (0, node_test_1.it)('verify: names drifted and failed snapshots, with their differences', () => {
        const base = { aggregateId: 'a', sequenceNumber: 5, file: 'snapshots/snapshot_a_5.json', ok: true, eventsApplied: 5, rebuiltToSequence: 5, differences: [] };
        const results = [
            base,
            { ...base, aggregateId: 'b', ok: false, differences: ['state.balance: 10 → 12'] },
            { ...base, aggregateId: 'c', ok: false, error: 'not valid JSON' },
        ];
        const summary = (0, summaries_1.verifySummary)(results);
        assert.equal(summary.anyBad, true);
        assert.equal(summary.message, '3 snapshots verified: 1 match the events, 1 drifted (b@5), 1 could not be checked (c@5).');
        assert.match(summary.details, /b@5 {2}snapshots\/snapshot_a_5\.json\n {2}rebuilt from 5 events up to 5; snapshot → rebuilt:\n {2}state\.balance: 10 → 12/);
        assert.match(summary.details, /c@5 .*\n {2}could not be checked: not valid JSON/);
        assert.deepEqual((0, summaries_1.verifySummary)([base]), { message: '1 snapshot verified: 1 match the events.', anyBad: false, details: '' });
        assert.equal((0, summaries_1.verifySummary)([]).message, 'The store has no snapshots to verify.');
        // Snapshots whose events TTL removed are neither a match nor drift.
        const removed = (0, summaries_1.verifySummary)([base, { ...base, aggregateId: 'd', ok: false, unverifiable: 'cannot verify: events before 61 were removed' }]);
        assert.equal(removed.anyBad, false);
        assert.equal(removed.message, '2 snapshots verified: 1 match the events, 1 cannot be verified: their events were removed (d@5).');
    });
    (0, node_test_1.it)('state documents put where the state came from before the state', () => {
        const text = (0, summaries_1.stateDocument)({ aggregateId: 'a', state: { x: 1 }, lastSequence: 9, eventsApplied: 4, fromSnapshot: 'snapshots/s.json', skippedSnapshots: [] });
        const parsed = JSON.parse(text);
        assert.deepEqual(Object.keys(parsed), ['aggregateId', 'atSequence', 'eventsApplied', 'fromSnapshot', 'state']);
        assert.equal(parsed.atSequence, 9);
    });
    (0, node_test_1.it)('replay documents are JSON Lines; view names have no separators', () => {
        assert.equal((0, summaries_1.jsonLines)([{ a: 1 }, { b: 2 }]), '{"a":1}\n{"b":2}\n');
        assert.equal((0, summaries_1.jsonLines)([]), '');
        assert.equal((0, summaries_1.viewName)('a/b:c'), 'a_b_c');
    });
});
(0, node_test_1.describe)('the share of the store a destructive plan takes', () => {
    const share = (over = {}) => ({
        events: 1200,
        totalEvents: 30000,
        days: 2,
        totalDays: 7,
        includesNewestDay: false,
        folderName: 'event_store',
        ...over,
    });
    (0, node_test_1.it)('states a part of the store as "N of M events (d of D days)" and confirms with the plain button', () => {
        const c = (0, planDescriptions_1.describeCleanupConfirmation)(cleanup(), share());
        assert.equal(c.message, 'Delete 1,200 of 30,000 events (2 of 7 days) (3 files, 2.4 KiB) from the event store?');
        assert.equal(c.typeToConfirm, undefined);
        assert.equal((0, planDescriptions_1.isGuarded)(share()), false);
    });
    (0, node_test_1.it)('all of the store: "all 30,000 events of 7 days", and the folder name must be typed', () => {
        const all = share({ events: 30000, days: 7 });
        const c = (0, planDescriptions_1.describeCleanupConfirmation)(cleanup(), all);
        assert.equal(c.message, 'Delete all 30,000 events of 7 days (3 files, 2.4 KiB) from the event store?');
        assert.equal(c.typeToConfirm, 'event_store');
        assert.match(c.detail, /every event of the store/);
    });
    (0, node_test_1.it)('the newest day, even a small share of the store, needs the folder name too; so does a migration rewriting it', () => {
        const newest = share({ events: 10, days: 1, includesNewestDay: true });
        assert.equal((0, planDescriptions_1.describeCleanupConfirmation)(cleanup(), newest).typeToConfirm, 'event_store');
        const m = (0, planDescriptions_1.describeMigrationConfirmation)(migration(), newest);
        assert.equal(m.typeToConfirm, 'event_store');
        assert.match(m.detail, /The rewritten files hold 10 of 30,000 events \(1 of 7 days\)\./);
        assert.match(m.detail, /newest day/);
        assert.equal((0, planDescriptions_1.describeMigrationConfirmation)(migration(), share()).typeToConfirm, undefined);
    });
});
//# sourceMappingURL=commandsPlans.unit.spec.js.map