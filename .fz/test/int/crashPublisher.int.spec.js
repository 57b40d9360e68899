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
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const event_1 = require("../../src/engine/model/event");
const openStore_1 = require("../../src/engine/openStore");
const eventFileAppender_1 = require("../../src/engine/store/eventFileAppender");
const crashHarness_1 = require("../helpers/crashHarness");
const crashPublisherTrial_1 = require("../helpers/crashPublisherTrial");
const tempStore_1 = require("../helpers/tempStore");
/** EVENTBUS_CRASH_TRIALS raises it for a longer run; the bench runs 1,000 (test/bench/crashMeasures.ts). */
const TRIALS = Math.max(50, Number(process.env.EVENTBUS_CRASH_TRIALS ?? 50));
const SEED = Number(process.env.EVENTBUS_CRASH_SEED ?? Date.now() % 1_000_000);
(0, node_test_1.describe)('crash safety: a publisher SIGKILLed at random moments', () => {
    (0, node_test_1.it)(`keeps every acknowledged event exactly once and in order, reports torn tails and appends after them (${TRIALS} trials, seed ${SEED})`, async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-crash-publish-');
        try {
            const state = (0, crashPublisherTrial_1.newPublisherCrashState)(dir, (0, crashHarness_1.seededRandom)(SEED));
            let acknowledged = 0;
            let torn = 0;
            for (let trial = 0; trial < TRIALS; trial++) {
                // validateStore is slower than the index: every 10th trial and the last.
                const outcome = await (0, crashPublisherTrial_1.publisherCrashTrial)(state, { validate: trial % 10 === 9 || trial === TRIALS - 1 });
                strict_1.default.deepEqual(outcome.violations, [], `seed ${SEED}`);
                acknowledged += outcome.acknowledged;
                if (outcome.tornByKill || outcome.tornInjected)
                    torn++;
            }
            strict_1.default.ok(acknowledged > 0, 'the publishers acknowledged something');
            strict_1.default.ok(torn > 0, 'some trials had a torn tail to append after');
            // After the last kill: a plain appender recovers the stale lock and writes its event on a line of its own.
            const tornTails = state.torn.filter((t) => {
                const bytes = state.files.get(t.file);
                return bytes[bytes.length - 1] !== 0x0a;
            });
            const appender = await eventFileAppender_1.EventFileAppender.open(dir);
            const after = (0, event_1.createEvent)('component_started', { after: 'crash' }, { source: 'crash test' });
            await appender.append([after]);
            await appender.close();
            const files = (0, crashPublisherTrial_1.readEventFiles)(dir);
            for (const t of tornTails) {
                const lines = files.get(t.file).toString('utf8').split('\n');
                strict_1.default.equal(lines[t.line - 1], t.text, `${t.file}:${t.line}: the torn line stays as it was`);
            }
            const engine = await (0, openStore_1.openStore)(dir, { threads: 1, noCache: true });
            try {
                const last = engine.index.event(engine.index.eventCount - 1);
                strict_1.default.equal(last.eventId, after.metadata.event_id);
                for (const t of state.torn) {
                    strict_1.default.ok(engine.index.problems.some((p) => p.file === t.file && p.line === t.line), `${t.file}:${t.line} is reported by a fresh index`);
                }
            }
            finally {
                await engine.close();
            }
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('appends after a torn tail on a new line, leaving the torn bytes as they were', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-crash-tail-');
        try {
            const first = (0, event_1.createEvent)('component_started', { n: 1 }, { source: 'crash test' });
            const appender = await eventFileAppender_1.EventFileAppender.open(dir);
            await appender.append([first]);
            await appender.close();
            const [file] = [...(0, crashPublisherTrial_1.readEventFiles)(dir).keys()];
            const torn = '{"event_type": "trade_executed", "data": {"pri';
            fs.appendFileSync(path.join(dir, file), torn);
            const engine = await (0, openStore_1.openStore)(dir, { threads: 1, noCache: true });
            const problem = engine.index.problems.find((p) => p.file === file);
            await engine.close();
            strict_1.default.deepEqual(problem && { kind: problem.kind, line: problem.line }, { kind: 'torn-line', line: 2 });
            const second = (0, event_1.createEvent)('component_started', { n: 2 }, { source: 'crash test' });
            const again = await eventFileAppender_1.EventFileAppender.open(dir);
            await again.append([second]);
            await again.close();
            const lines = (0, crashPublisherTrial_1.readEventFiles)(dir).get(file).toString('utf8').split('\n');
            strict_1.default.equal(lines[1], torn);
            strict_1.default.equal(JSON.parse(lines[2]).metadata.event_id, second.metadata.event_id);
            strict_1.default.equal(lines[3], '');
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=crashPublisher.int.spec.js.map