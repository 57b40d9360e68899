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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const event_1 = require("../../src/engine/model/event");
const openStore_1 = require("../../src/engine/openStore");
const validateStore_1 = require("../../src/engine/validate/validateStore");
const hostileStore_1 = require("../helpers/hostileStore");
const tempStore_1 = require("../helpers/tempStore");
/**
 * Files deleted, truncated or replaced under an open store: between
 * reads (a clear error naming the file, never wrong bytes taken for an
 * event), on refresh, and while watched. The index follows the files, the
 * other days stay readable, and the engine writes nothing into the store.
 */
const DAYS = ['2024-01-01', '2024-01-02', '2024-01-03'];
function dayEvents(day, count, offset) {
    return Array.from({ length: count }, (_, i) => (0, event_1.createEvent)('component_started', { day, i, pad: 'p'.repeat(40) }, { aggregate_id: `agg-${day}`, sequence_number: offset + i + 1, timestamp: `${day}T${String(i).padStart(2, '0')}:00:00Z` }));
}
async function fixture() {
    const temp = (0, tempStore_1.makeTempDir)('eventbus-watch-');
    const root = path.join(temp.dir, 'event_store');
    const events = new Map();
    DAYS.forEach((day, d) => {
        const list = dayEvents(day, 10, d * 10);
        events.set(day, list);
        (0, tempStore_1.writeEventFile)(root, `events_${day}.jsonl`, list.map(event_1.serializeEvent).join('\n') + '\n');
    });
    const engine = await (0, openStore_1.openStore)(root, { cacheDir: path.join(temp.dir, 'cache'), threads: 1 });
    return { root, events, engine, cleanup: async () => { await engine.close(); temp.cleanup(); } };
}
const fileOf = (root, day) => path.join(root, 'events', `events_${day}.jsonl`);
async function assertDayReadable(engine, events) {
    for (const event of events) {
        const ordinals = engine.index.ordinalsOfEventId(event.metadata.event_id);
        strict_1.default.equal(ordinals.length, 1, `${event.metadata.event_id} not indexed`);
        strict_1.default.equal((await engine.readEvent(ordinals[0])).metadata.event_id, event.metadata.event_id);
    }
}
(0, node_test_1.test)('a file truncated mid-line between indexing and reading: a clear error naming the file, then refresh takes the cut', async () => {
    const f = await fixture();
    try {
        const day = DAYS[1];
        const file = fileOf(f.root, day);
        const lastOrdinal = f.engine.index.ordinalsOfEventId(f.events.get(day)[9].metadata.event_id)[0];
        const bytes = fs.readFileSync(file);
        const cut = bytes.indexOf(10, Math.floor(bytes.length / 2)) - 7;
        fs.truncateSync(file, cut);
        await strict_1.default.rejects(f.engine.readEvent(lastOrdinal), (error) => /events_2024-01-02\.jsonl/.test(error.message) && /truncated/.test(error.message));
        const delta = await f.engine.refresh();
        strict_1.default.deepEqual(delta.rebuiltFiles, ['events/events_2024-01-02.jsonl']);
        const kept = cut === 0 ? 0 : bytes.subarray(0, cut).toString('utf8').split('\n').length - 1;
        const torn = f.engine.index.problems.find((p) => p.file === 'events/events_2024-01-02.jsonl');
        strict_1.default.equal(torn?.kind, 'torn-line');
        strict_1.default.equal(torn?.line, kept + 1);
        await assertDayReadable(f.engine, f.events.get(day).slice(0, kept));
        for (const gone of f.events.get(day).slice(kept))
            strict_1.default.deepEqual(f.engine.index.ordinalsOfEventId(gone.metadata.event_id), []);
        await assertDayReadable(f.engine, f.events.get(DAYS[0]));
        await assertDayReadable(f.engine, f.events.get(DAYS[2]));
        const report = await (0, validateStore_1.validateStore)(f.engine, { threads: 1 });
        strict_1.default.ok(report.findings.some((x) => x.code === 'EB003' && x.file === 'events/events_2024-01-02.jsonl' && x.line === kept + 1));
    }
    finally {
        await f.cleanup();
    }
});
(0, node_test_1.test)('a file deleted or replaced (renamed over with other events) under an open store: refresh follows, nothing stale is read', async () => {
    const f = await fixture();
    try {
        fs.rmSync(fileOf(f.root, DAYS[0]));
        const replacement = dayEvents(DAYS[2], 10, 100);
        const temp = `${fileOf(f.root, DAYS[2])}.tmp`;
        fs.writeFileSync(temp, replacement.map(event_1.serializeEvent).join('\n') + '\n');
        fs.renameSync(temp, fileOf(f.root, DAYS[2]));
        const delta = await f.engine.refresh();
        strict_1.default.deepEqual(delta.removedFiles, ['events/events_2024-01-01.jsonl']);
        strict_1.default.deepEqual(delta.rebuiltFiles, ['events/events_2024-01-03.jsonl']);
        for (const gone of [...f.events.get(DAYS[0]), ...f.events.get(DAYS[2])])
            strict_1.default.deepEqual(f.engine.index.ordinalsOfEventId(gone.metadata.event_id), []);
        await assertDayReadable(f.engine, f.events.get(DAYS[1]));
        await assertDayReadable(f.engine, replacement);
    }
    finally {
        await f.cleanup();
    }
});
(0, node_test_1.test)('a file replaced by a symlink out of the store after indexing is not read through', async () => {
    const f = await fixture();
    try {
        const day = DAYS[1];
        const ordinal = f.engine.index.ordinalsOfEventId(f.events.get(day)[0].metadata.event_id)[0];
        const outside = path.join(path.dirname(f.root), 'outside.jsonl');
        fs.writeFileSync(outside, fs.readFileSync(fileOf(f.root, day)));
        fs.rmSync(fileOf(f.root, day));
        fs.symlinkSync(outside, fileOf(f.root, day));
        await strict_1.default.rejects(f.engine.readEvent(ordinal), /outside the store/);
        await f.engine.refresh();
        strict_1.default.deepEqual(f.engine.index.ordinalsOfEventId(f.events.get(day)[0].metadata.event_id), []);
        strict_1.default.ok(f.engine.index.problems.some((p) => p.file === 'events/events_2024-01-02.jsonl' && /outside the store/.test(p.message)));
        await assertDayReadable(f.engine, f.events.get(DAYS[0]));
    }
    finally {
        await f.cleanup();
    }
});
/** Waits for watch deltas until `done` says the index caught up (the watcher's own debounce decides when). */
function watchUntil(engine, done) {
    const deltas = [];
    let resolve = () => undefined;
    const settled = new Promise((r) => (resolve = r));
    const stop = engine.watch((delta) => {
        deltas.push(delta);
        if (done())
            resolve();
    });
    return { deltas, settled, stop };
}
/**
 * Waits for the watcher to catch up. Under load chokidar may still be in its
 * initial scan when the files change and miss them; then touching a file
 * (its times only, contents unchanged) makes it look again. Gives up with a
 * clear failure rather than hanging the suite.
 */
async function settleOrNudge(settled, touch) {
    let done = false;
    void settled.then(() => (done = true));
    for (let attempt = 0; attempt < 20 && !done; attempt++) {
        await Promise.race([settled, new Promise((r) => setTimeout(r, 1000))]);
        if (!done)
            fs.utimesSync(touch, new Date(), new Date());
    }
    strict_1.default.ok(done, 'the watcher never caught up with the changes');
}
(0, node_test_1.test)('while watched: a day deleted, one truncated and one replaced are followed, with no failed refresh, and the store is not written', async () => {
    const f = await fixture();
    try {
        const [first, second, third] = DAYS;
        const replacement = dayEvents(third, 4, 200);
        const gone = (e) => f.engine.index.ordinalsOfEventId(e.metadata.event_id).length === 0;
        const watching = watchUntil(f.engine, () => gone(f.events.get(first)[0]) && gone(f.events.get(second)[9]) && f.engine.index.ordinalsOfEventId(replacement[3].metadata.event_id).length === 1);
        // chokidar reports only after its initial scan; give it that before changing files.
        await new Promise((r) => setTimeout(r, 300));
        fs.rmSync(fileOf(f.root, first));
        const secondBytes = fs.readFileSync(fileOf(f.root, second));
        fs.writeFileSync(fileOf(f.root, second), secondBytes.subarray(0, secondBytes.indexOf(10, secondBytes.length - 50) - 3));
        fs.writeFileSync(`${fileOf(f.root, third)}.new`, replacement.map(event_1.serializeEvent).join('\n') + '\n');
        fs.renameSync(`${fileOf(f.root, third)}.new`, fileOf(f.root, third));
        const before = (0, hostileStore_1.hashTree)(f.root, [], { withTimes: false });
        await settleOrNudge(watching.settled, fileOf(f.root, second));
        await watching.stop();
        const failures = watching.deltas.flatMap((d) => d.newProblems).filter((p) => /refresh failed/.test(p.message));
        strict_1.default.deepEqual(failures, []);
        await assertDayReadable(f.engine, f.events.get(second).slice(0, 8));
        await assertDayReadable(f.engine, replacement);
        strict_1.default.ok(f.engine.index.problems.some((p) => p.kind === 'torn-line' && p.file === 'events/events_2024-01-02.jsonl'));
        await f.engine.refresh();
        strict_1.default.deepEqual((0, hostileStore_1.hashTree)(f.root, [], { withTimes: false }), before);
    }
    finally {
        await f.cleanup();
    }
});
//# sourceMappingURL=hostileWatch.int.spec.js.map