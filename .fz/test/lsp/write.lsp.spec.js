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
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const generateStore_1 = require("../../src/engine/generate/generateStore");
const protocol_1 = require("../../src/shared/protocol");
const writeProtocol_1 = require("../../src/shared/writeProtocol");
const replayProtocol_1 = require("../../src/shared/replayProtocol");
const tempStore_1 = require("../helpers/tempStore");
const lspClient_1 = require("./lspClient");
const lspFixtures_1 = require("./lspFixtures");
const DAY1 = 'events/events_2024-01-15.jsonl';
const BROKEN_LINE = 'this line is not JSON';
/** Every readable event line of the plain day files, in store order (file name, then line). */
function storedEvents(store) {
    const dir = path.join(store, 'events');
    const events = [];
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
        for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n')) {
            try {
                const parsed = JSON.parse(line);
                if (parsed && typeof parsed === 'object' && parsed.metadata)
                    events.push(parsed);
            }
            catch {
                // Not an event line.
            }
        }
    }
    return events;
}
/** Names and sizes of the store's event and snapshot files: what a refused write must leave alone. */
function filesState(store) {
    return ['events', 'snapshots'].flatMap((dir) => fs.existsSync(path.join(store, dir)) ? fs.readdirSync(path.join(store, dir)).map((name) => `${dir}/${name}:${fs.statSync(path.join(store, dir, name)).size}`) : []).sort();
}
(0, node_test_1.describe)('write and scan requests over stdio', () => {
    let folder;
    let store;
    let cleanup;
    let client;
    let publishedId;
    (0, node_test_1.before)(async () => {
        ({ dir: folder, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-lsp-write-'));
        store = path.join(folder, 'event_store');
        (0, generateStore_1.generateStoreSync)({ events: 900, days: 2, outDir: store, seed: 23 });
        // Faults for Validate to count: a line that is not JSON and an event of a type no schema knows.
        const day1 = path.join(store, DAY1);
        const template = JSON.parse(fs.readFileSync(day1, 'utf8').split('\n')[0]);
        const mystery = { ...template, event_type: 'mystery_type', metadata: { ...template.metadata, event_id: (0, node_crypto_1.randomUUID)() } };
        fs.appendFileSync(day1, `${BROKEN_LINE}\n${JSON.stringify(mystery)}\n`);
        client = await (0, lspClient_1.startServer)({ folder });
        await client.waitForStoreChanged((p) => p.reason === 'opened');
    });
    (0, node_test_1.after)(async () => {
        await client?.stop();
        cleanup?.();
    });
    /** `trusted` left out on purpose in one test: what an old or careless client sends. */
    const publish = (params) => client.connection.sendRequest(writeProtocol_1.PublishRequest.type, params);
    (0, node_test_1.it)('validate: the counts by severity and file are those of `eventbus validate` and of the status', async () => {
        const summary = await client.connection.sendRequest(writeProtocol_1.ValidateStoreRequest.type, {});
        const cli = await (0, lspFixtures_1.cliValidate)(folder);
        const bySeverity = { error: 0, warning: 0, information: 0, hint: 0 };
        for (const finding of cli)
            bySeverity[finding.severity]++;
        assert.ok(bySeverity.error > 0, 'the injected faults are found');
        assert.deepEqual(summary.problems, bySeverity);
        const [status] = (await client.connection.sendRequest(protocol_1.StatusRequest.type, {})).stores;
        assert.deepEqual(summary.problems, status.problems);
        assert.equal(summary.eventCount, status.eventCount);
        assert.deepEqual(summary.files.map((f) => f.file).sort(), [...new Set(cli.map((f) => f.file))].sort());
        const day1 = summary.files.find((f) => f.file === DAY1);
        assert.equal(day1?.error, cli.filter((f) => f.file === DAY1 && f.severity === 'error').length);
        assert.equal(day1?.uri, `file://${path.join(store, DAY1)}`);
    });
    (0, node_test_1.it)('refuses publish, cleanup and migration when the client says the workspace is untrusted, and writes nothing', async () => {
        const before = filesState(store);
        const data = { alert_type: 'drawdown', severity: 'high', message: 'untrusted' };
        await assert.rejects(publish({ trusted: false, eventType: 'risk_alert', data }), /Publish needs a trusted workspace: it writes to the event store/);
        await assert.rejects(publish({ eventType: 'risk_alert', data }), /sent no "trusted": true/);
        const cleanupPlan = await client.connection.sendRequest(writeProtocol_1.CleanupPlanRequest.type, {});
        await assert.rejects(client.connection.sendRequest(writeProtocol_1.CleanupExecuteRequest.type, { trusted: false, planId: cleanupPlan.planId }), /Clean up needs a trusted workspace/);
        const migratePlan = await client.connection.sendRequest(writeProtocol_1.MigratePlanRequest.type, {});
        await assert.rejects(client.connection.sendRequest(writeProtocol_1.MigrateExecuteRequest.type, { trusted: false, planId: migratePlan.planId }), /Migrate needs a trusted workspace/);
        assert.deepEqual(filesState(store), before);
    });
    (0, node_test_1.it)('publish appends one line through the bus, and the index sees it at once', async () => {
        const [before] = (await client.connection.sendRequest(protocol_1.StatusRequest.type, {})).stores;
        const data = { alert_type: 'drawdown', severity: 'high', message: 'published from the editor' };
        const result = await publish({ trusted: true, eventType: 'risk_alert', data, aggregateId: 'lsp_publish_test', correlationId: 'lsp-corr-1' });
        const event = result.event;
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
        const events = await client.connection.sendRequest(protocol_1.AggregateEventsRequest.type, { aggregateId: 'lsp_publish_test' });
        assert.deepEqual(events.items.map((e) => e.eventId), [publishedId]);
        const [after] = (await client.connection.sendRequest(protocol_1.StatusRequest.type, {})).stores;
        assert.equal(after.eventCount, before.eventCount + 1);
        assert.ok(event.metadata.sequence_number > 900, 'the global sequence continues after the stored events');
    });
    (0, node_test_1.it)('a publish the schema rejects is an error response naming the problems', async () => {
        await assert.rejects(publish({ trusted: true, eventType: 'risk_alert', data: { alert_type: 'drawdown' } }), (error) => /rejected by schema validation/.test(error.message) && /severity/.test(error.message) && /message/.test(error.message));
        await assert.rejects(publish({ trusted: true, eventType: '', data: {} }), /eventType must be a non-empty string/);
    });
    (0, node_test_1.it)('the publish form\'s check and a refused editor publish write nothing: the store stays byte-identical (no system_error)', async () => {
        const bytes = () => fs.readdirSync(path.join(store, 'events')).sort().map((name) => `${name}:${fs.readFileSync(path.join(store, 'events', name)).toString('base64')}`);
        const before = bytes();
        const invalid = await client.connection.sendRequest(writeProtocol_1.PublishCheckRequest.type, { eventType: 'risk_alert', data: { alert_type: 'drawdown' } });
        assert.equal(invalid.schemaVersion, '1.0');
        assert.ok(invalid.problems.some((p) => /severity/.test(p)) && invalid.problems.some((p) => /message/.test(p)), invalid.problems.join('; '));
        const typo = await client.connection.sendRequest(writeProtocol_1.PublishCheckRequest.type, { eventType: 'risk_alrt', data: {} });
        assert.equal(typo.unknownType, true);
        assert.match(typo.problems[0], /Did you mean "risk_alert"/);
        assert.doesNotMatch(typo.problems[0], /--[a-z]/, 'no CLI flag in an editor message');
        const valid = await client.connection.sendRequest(writeProtocol_1.PublishCheckRequest.type, { eventType: 'risk_alert', data: { alert_type: 'drawdown', severity: 'high', message: 'ok' } });
        assert.deepEqual(valid.problems, []);
        await assert.rejects(publish({ trusted: true, eventType: 'risk_alert', data: { alert_type: 'drawdown' } }), /nothing was written/);
        await assert.rejects(publish({ trusted: true, eventType: 'risk_alrt', data: {} }), /was not published, nothing was written/);
        assert.deepEqual(bytes(), before, 'no line was appended (the bus would have recorded a system_error)');
        const template = await client.connection.sendRequest(writeProtocol_1.PublishTemplateRequest.type, { eventType: 'risk_alert' });
        assert.ok(template.knownTypes.includes('risk_alert') && template.knownTypes.includes('system_error'));
        assert.equal(template.schemaVersion, '1.0');
        for (const key of template.required)
            assert.ok(key in template.template, `the template has the required ${key}`);
        assert.ok(template.required.includes('severity'));
        const filled = await client.connection.sendRequest(writeProtocol_1.PublishCheckRequest.type, { eventType: 'risk_alert', data: template.template });
        assert.ok(filled.problems.every((p) => !/must have required property/.test(p)), `the template has every required field: ${filled.problems.join('; ')}`);
    });
    (0, node_test_1.it)('replayCorrelation: the correlation\'s events across aggregates in store order, upcast to the newest schema', async () => {
        const page = await client.connection.sendRequest(protocol_1.CorrelationsRequest.type, { limit: 10_000 });
        const stored = storedEvents(store);
        const withTrade = page.items.filter((c) => c.count >= 3).find((c) => stored.some((e) => e.metadata.correlation_id === c.correlationId && e.event_type === 'trade_executed'));
        assert.ok(withTrade, 'a chain with a trade');
        const result = await client.connection.sendRequest(writeProtocol_1.ReplayCorrelationRequest.type, { correlationId: withTrade.correlationId });
        const replayed = result.events;
        assert.equal(result.truncated, false);
        assert.deepEqual(replayed.map((e) => e.metadata.event_id), stored.filter((e) => e.metadata.correlation_id === withTrade.correlationId).map((e) => e.metadata.event_id));
        assert.ok(new Set(replayed.map((e) => e.metadata.aggregate_id)).size > 1, 'across aggregates');
        for (const trade of replayed.filter((e) => e.event_type === 'trade_executed')) {
            assert.equal(trade.metadata.schema_version, '1.1');
            assert.ok('venue' in trade.data);
        }
        const limited = await client.connection.sendRequest(writeProtocol_1.ReplayCorrelationRequest.type, { correlationId: withTrade.correlationId, limit: 2 });
        assert.deepEqual(limited.events, replayed.slice(0, 2));
        assert.equal(limited.truncated, true);
    });
    (0, node_test_1.it)('replayDocument: one row per event with the change it made, and for a correlation the causation tree as the CLI prints it', async () => {
        const { items } = await client.connection.sendRequest(protocol_1.AggregatesRequest.type, { limit: 10_000 });
        const aggregateId = [...items].sort((a, b) => b.count - a.count)[0].aggregateId;
        const entries = await client.connection.sendRequest(protocol_1.AggregateEventsRequest.type, { aggregateId, limit: 10_000 });
        const sequences = entries.items.map((e) => e.sequence);
        const doc = await client.connection.sendRequest(replayProtocol_1.ReplayDocumentRequest.type, { aggregateId, fromSequence: sequences[1], toSequence: sequences[3] });
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
            client.connection.sendRequest(protocol_1.RebuildRequest.type, { aggregateId, atSequence: sequences[1] }),
            client.connection.sendRequest(protocol_1.RebuildRequest.type, { aggregateId, atSequence: sequences[2] }),
        ]);
        const changedKeys = Object.keys({ ...afterState.state }).filter((k) => k !== '_meta' && JSON.stringify(afterState.state[k]) !== JSON.stringify(beforeState.state[k]));
        for (const key of changedKeys)
            assert.ok(doc.rows[1].changes.some((c) => c.includes(`/${key}`)), `row #${sequences[2]} names the change to ${key}: ${doc.rows[1].changes.join(' | ')}`);
        const page = await client.connection.sendRequest(protocol_1.CorrelationsRequest.type, { limit: 10_000 });
        const correlationId = [...page.items].sort((a, b) => b.count - a.count)[0].correlationId;
        const chain = await client.connection.sendRequest(replayProtocol_1.ReplayDocumentRequest.type, { correlationId });
        assert.equal(chain.rows.length, page.items.find((c) => c.correlationId === correlationId).count);
        const cli = (0, node_child_process_1.spawnSync)(process.execPath, [path.join(__dirname, '..', '..', '..', 'dist', 'cli.js'), 'correlation', correlationId, '--store', store], { encoding: 'utf8' });
        if (cli.status === 0)
            assert.equal(chain.causationTree, cli.stdout.trimEnd());
        else
            assert.match(chain.causationTree ?? '', /event\(s\), \d+ aggregate\(s\)/);
        assert.match(chain.causationTree ?? '', /[├└]─ .* \+[\d.]+ (ms|s|min|h)/, 'hops carry the time they took');
    });
    (0, node_test_1.it)('restoreFromSnapshot: that snapshot plus the events after it equals a rebuild', async () => {
        const { items } = await client.connection.sendRequest(protocol_1.AggregatesRequest.type, { limit: 10_000 });
        const aggregateId = [...items].sort((a, b) => b.count - a.count)[0].aggregateId;
        const entries = await client.connection.sendRequest(protocol_1.AggregateEventsRequest.type, { aggregateId, limit: 10_000 });
        const sequences = entries.items.map((e) => e.sequence);
        assert.ok(sequences.length >= 6);
        const [early, late, last] = [sequences[1], sequences[sequences.length - 2], sequences[sequences.length - 1]];
        const first = await client.connection.sendRequest(protocol_1.SnapshotCreateRequest.type, { aggregateId, atSequence: early });
        const second = await client.connection.sendRequest(protocol_1.SnapshotCreateRequest.type, { aggregateId, atSequence: late });
        const restored = await client.connection.sendRequest(writeProtocol_1.RestoreFromSnapshotRequest.type, { aggregateId, snapshotFile: first.file });
        const rebuilt = await client.connection.sendRequest(protocol_1.RebuildRequest.type, { aggregateId });
        assert.equal(restored.fromSnapshot, first.file, 'started from the chosen snapshot, not the latest');
        assert.notEqual(rebuilt.fromSnapshot, first.file);
        assert.equal(restored.eventsApplied, sequences.filter((s) => s > early).length);
        assert.equal(restored.lastSequence, last);
        assert.deepEqual(restored.state, rebuilt.state);
        const partial = await client.connection.sendRequest(writeProtocol_1.RestoreFromSnapshotRequest.type, { aggregateId, snapshotFile: first.file, toSequence: late });
        const atLate = await client.connection.sendRequest(protocol_1.RebuildRequest.type, { aggregateId, atSequence: late });
        assert.equal(atLate.fromSnapshot, second.file);
        assert.deepEqual(partial.state, atLate.state);
        await assert.rejects(client.connection.sendRequest(writeProtocol_1.RestoreFromSnapshotRequest.type, { aggregateId, snapshotFile: first.file, toSequence: sequences[0] }), /before the snapshot's sequence .*expected .* or later/);
        await assert.rejects(client.connection.sendRequest(writeProtocol_1.RestoreFromSnapshotRequest.type, { aggregateId, snapshotFile: 'snapshots/nope.json' }), new RegExp(`snapshots/nope.json is not a snapshot of ${aggregateId} \\(expected one of: .*${first.file}`));
    });
    (0, node_test_1.it)('migrate: the plan lists old-version events; execute rewrites exactly those and keeps the originals', async () => {
        const planned = await client.connection.sendRequest(writeProtocol_1.MigratePlanRequest.type, {});
        assert.ok(planned.plan.files.length > 0 && planned.plan.events > 0);
        for (const file of planned.plan.files)
            assert.deepEqual(Object.keys(file.steps), ['trade_executed 1.0 -> 1.1']);
        const originals = new Map(planned.plan.files.map((f) => [f.file, fs.readFileSync(path.join(store, f.file))]));
        const result = await client.connection.sendRequest(writeProtocol_1.MigrateExecuteRequest.type, { trusted: true, planId: planned.planId });
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
        const again = await client.connection.sendRequest(writeProtocol_1.MigratePlanRequest.type, {});
        assert.deepEqual(again.plan.files, []);
        await assert.rejects(client.connection.sendRequest(writeProtocol_1.MigrateExecuteRequest.type, { trusted: true, planId: 'no-such-plan' }), /unknown or expired/);
    });
    (0, node_test_1.it)('cleanup: a plan the store no longer matches is refused; the confirmed plan removes exactly its files', async () => {
        const planned = await client.connection.sendRequest(writeProtocol_1.CleanupPlanRequest.type, {});
        assert.deepEqual(planned.plan.eventFiles.map((f) => f.file).sort(), ['events/events_2024-01-15.jsonl', 'events/events_2024-01-16.jsonl']);
        assert.equal(planned.plan.ttlDays, 30);
        // The store changes after the user saw the plan: a day grows.
        fs.appendFileSync(path.join(store, planned.plan.eventFiles[0].file), `${BROKEN_LINE}\n`);
        const before = filesState(store);
        await assert.rejects(client.connection.sendRequest(writeProtocol_1.CleanupExecuteRequest.type, { trusted: true, planId: planned.planId }), /the store changed since the cleanup plan was shown \(now also events\/events_2024-01-15\.jsonl .*\); nothing was removed/);
        assert.deepEqual(filesState(store), before);
        const fresh = await client.connection.sendRequest(writeProtocol_1.CleanupPlanRequest.type, {});
        const result = await client.connection.sendRequest(writeProtocol_1.CleanupExecuteRequest.type, { trusted: true, plan: fresh.plan });
        const planned2 = [...fresh.plan.eventFiles, ...fresh.plan.snapshots].map((t) => t.file).sort();
        assert.deepEqual([...result.removed].sort(), planned2);
        assert.deepEqual(result.failed, []);
        for (const file of planned2)
            assert.equal(fs.existsSync(path.join(store, file)), false, `${file} removed`);
        for (const kept of fresh.plan.keptSnapshots)
            assert.ok(fs.existsSync(path.join(store, kept.file)), `${kept.file} kept`);
        const detail = await client.connection.sendRequest(protocol_1.EventByIdRequest.type, { eventId: publishedId });
        assert.ok(detail, "today's published event is still there");
        await assert.rejects(client.connection.sendRequest(writeProtocol_1.CleanupExecuteRequest.type, { trusted: true, plan: { ...fresh.plan, storeRoot: '/elsewhere' } }), /the cleanup plan is for \/elsewhere/);
    });
    (0, node_test_1.it)('refresh re-reads the store now and reports what it holds', async () => {
        const detail = await client.connection.sendRequest(protocol_1.EventByIdRequest.type, { eventId: publishedId });
        assert.ok(detail);
        const copy = JSON.parse(JSON.stringify(detail.event));
        copy.metadata.event_id = (0, node_crypto_1.randomUUID)();
        copy.metadata.sequence_number += 1000;
        fs.appendFileSync(path.join(store, detail.entry.file), `${JSON.stringify(copy)}\n`);
        const refreshed = await client.connection.sendRequest(writeProtocol_1.RefreshRequest.type, {});
        assert.equal(refreshed.storeRoot, store);
        assert.ok(await client.connection.sendRequest(protocol_1.EventByIdRequest.type, { eventId: copy.metadata.event_id }), 'the appended event is indexed when refresh answers');
        const [status] = (await client.connection.sendRequest(protocol_1.StatusRequest.type, {})).stores;
        assert.equal(refreshed.eventCount, status.eventCount);
        assert.deepEqual(refreshed.problems, status.problems);
    });
});
//# sourceMappingURL=write.lsp.spec.js.map