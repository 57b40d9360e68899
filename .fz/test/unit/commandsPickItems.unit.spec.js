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
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const cancellable_1 = require("../../src/extension/commands/cancellable");
const commandArgs_1 = require("../../src/extension/commands/commandArgs");
const commandIds_1 = require("../../src/extension/commands/commandIds");
const pickItems_1 = require("../../src/extension/commands/pickItems");
(0, node_test_1.describe)('quick pick items', () => {
    (0, node_test_1.it)('aggregates and correlations show id, count and time', () => {
        assert.deepEqual((0, pickItems_1.aggregateItem)({ aggregateId: 'trader_1', count: 1234, lastTimestamp: '2024-01-15T10:00:00Z', lastTimestampMs: 0 }), {
            label: 'trader_1',
            description: '1,234 events',
            detail: 'last event 2024-01-15T10:00:00Z',
            value: 'trader_1',
        });
        assert.equal((0, pickItems_1.aggregateItem)({ aggregateId: 'x', count: 1, lastTimestamp: null, lastTimestampMs: null }).detail, undefined);
        assert.deepEqual((0, pickItems_1.correlationItem)({ correlationId: 'c1', count: 3, firstTimestamp: 't0', lastTimestamp: 't1' }), {
            label: 'c1',
            description: '3 events',
            detail: 't0 → t1',
            value: 'c1',
        });
    });
    (0, node_test_1.it)('notes say when there are more results than shown, or none', () => {
        assert.equal((0, pickItems_1.moreResultsNote)(200, 200, ''), undefined);
        const more = (0, pickItems_1.moreResultsNote)(200, 5000, 'tr');
        assert.equal(more?.label, '200 of 5,000 starting with "tr": type more of the id to narrow');
        assert.equal(more?.value, undefined);
        assert.equal((0, pickItems_1.noMatchNote)('zz', 'aggregate').label, 'No aggregate starts with "zz"');
        assert.equal((0, pickItems_1.noMatchNote)('', 'correlation').label, 'The store has no correlations');
    });
    (0, node_test_1.it)('event types: the store first, then unused built-ins, and a typed new one on top', () => {
        const store = [
            { eventType: 'trade_executed', count: 10, schemaVersions: ['1.0', '1.1'] },
            { eventType: 'my_type', count: 2, schemaVersions: [] },
        ];
        const builtIns = ['trade_executed', 'risk_alert'];
        const items = (0, pickItems_1.eventTypeItems)(store, builtIns, '');
        assert.deepEqual(items.map((i) => [i.label, i.description]), [
            ['trade_executed', '10 events, schema 1.0, 1.1'],
            ['my_type', '2 events, no schema'],
            ['risk_alert', 'built-in, not in the store yet'],
        ]);
        const typed = (0, pickItems_1.eventTypeItems)(store, builtIns, 'order_placed');
        assert.deepEqual(typed[0], { label: 'order_placed', description: 'new event type', value: 'order_placed' });
        assert.equal((0, pickItems_1.eventTypeItems)(store, builtIns, 'risk_alert').length, 3, 'a listed type is not offered twice');
        const bad = (0, pickItems_1.eventTypeItems)(store, builtIns, 'a\u0001b');
        assert.equal(bad[0].note, true);
        assert.match(bad[0].label, /no control characters/);
        assert.match((0, pickItems_1.validateEventTypeName)('') ?? '', /expected an event type/);
        assert.match((0, pickItems_1.validateEventTypeName)(' x') ?? '', /no spaces before or after/);
    });
    (0, node_test_1.it)('restore picks: aggregates with snapshot counts, snapshots by sequence', () => {
        const s = (aggregateId, sequenceNumber) => ({ aggregateId, sequenceNumber, file: `snapshots/snapshot_${aggregateId}_${sequenceNumber}.json`, uri: 'file:///x' });
        assert.deepEqual((0, pickItems_1.snapshotAggregateItems)([s('b', 1), s('a', 1), s('b', 2)]).map((i) => [i.label, i.description]), [
            ['a', '1 snapshot'],
            ['b', '2 snapshots'],
        ]);
        assert.equal((0, pickItems_1.snapshotItem)(s('a', 150)).label, 'at sequence 150');
    });
});
(0, node_test_1.describe)('command arguments from views', () => {
    (0, node_test_1.it)('keeps known string fields and ignores anything else', () => {
        assert.deepEqual((0, commandArgs_1.commandArgsOf)(undefined), {});
        assert.deepEqual((0, commandArgs_1.commandArgsOf)('trader_1'), {});
        assert.deepEqual((0, commandArgs_1.commandArgsOf)([1]), {});
        assert.deepEqual((0, commandArgs_1.commandArgsOf)({ aggregateId: 'a', store: '/s', extra: 1, correlationId: 5 }), { aggregateId: 'a', store: '/s' });
        assert.deepEqual((0, commandArgs_1.commandArgsOf)({ storeRoot: '/s', aggregateId: '' }), { store: '/s' });
    });
});
(0, node_test_1.describe)('waiting for cancellable work', () => {
    function token() {
        const listeners = [];
        let cancelled = false;
        return {
            get isCancellationRequested() {
                return cancelled;
            },
            onCancellationRequested(listener) {
                listeners.push(listener);
                return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
            },
            cancel() {
                cancelled = true;
                [...listeners].forEach((l) => l());
            },
        };
    }
    (0, node_test_1.it)('returns the value when the work ends first', async () => {
        assert.deepEqual(await (0, cancellable_1.untilCancelled)(Promise.resolve(42), token()), { cancelled: false, value: 42 });
    });
    (0, node_test_1.it)('stops waiting as soon as the user cancels, even if the work never ends', async () => {
        const t = token();
        const waiting = (0, cancellable_1.untilCancelled)(new Promise(() => undefined), t);
        t.cancel();
        assert.deepEqual(await waiting, { cancelled: true });
    });
    (0, node_test_1.it)('a failure after cancelling is nobody’s unhandled rejection; one before it reaches the caller', async () => {
        const t = token();
        let fail;
        const work = new Promise((_, reject) => (fail = reject));
        const waiting = (0, cancellable_1.untilCancelled)(work, t);
        t.cancel();
        fail(new Error('late'));
        assert.deepEqual(await waiting, { cancelled: true });
        await assert.rejects((0, cancellable_1.untilCancelled)(Promise.reject(new Error('server said no')), token()), /server said no/);
    });
});
/** The file in the repository, whether the tests run from out/ or from a scratch folder in the repository. */
function findUp(relative) {
    for (const start of [__dirname, process.cwd()]) {
        for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
            if (fs.existsSync(path.join(dir, relative)))
                return path.join(dir, relative);
        }
    }
    throw new Error(`${relative} not found above ${__dirname} or ${process.cwd()}`);
}
(0, node_test_1.describe)('package.json contributes the palette commands', () => {
    const source = findUp('package.json');
    const contributes = JSON.parse(fs.readFileSync(source, 'utf8')).contributes;
    const paletteIds = new Set(Object.values(commandIds_1.PaletteCommand));
    (0, node_test_1.it)('declares every palette command, in the Event Bus category', () => {
        const declared = contributes.commands.filter((c) => paletteIds.has(c.command));
        assert.deepEqual(declared.map((c) => c.command).sort(), [...paletteIds].sort());
        assert.ok(declared.every((c) => c.category === 'Event Bus' && c.title.length > 0));
    });
    (0, node_test_1.it)('shows writing commands in the palette only in a trusted workspace', () => {
        const gated = contributes.menus.commandPalette.filter((m) => m.when === commandIds_1.TRUSTED_CONTEXT_KEY && paletteIds.has(m.command)).map((m) => m.command).sort();
        assert.deepEqual(gated, [...commandIds_1.WRITING_COMMANDS].sort());
    });
});
//# sourceMappingURL=commandsPickItems.unit.spec.js.map