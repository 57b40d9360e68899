"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_test_1 = require("node:test");
const crashHarness_1 = require("../helpers/crashHarness");
const concurrentWriters_1 = require("../helpers/concurrentWriters");
const tempStore_1 = require("../helpers/tempStore");
const SEED = Number(process.env.EVENTBUS_CRASH_SEED ?? Date.now() % 1_000_000);
(0, node_test_1.describe)('numbering under concurrent writers', () => {
    (0, node_test_1.it)(`CLI and API publishers SIGKILLed at random: no sequence number twice, none skipped, no acknowledged event lost (seed ${SEED})`, async (t) => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-concurrent-');
        try {
            // One event first: the store is in global numbering, where every number is bus-wide.
            (0, node_child_process_1.execFileSync)(process.execPath, [concurrentWriters_1.CLI_SCRIPT, 'publish', 'component_started', '--data', '{}', '--store', dir]);
            const outcome = await (0, concurrentWriters_1.runConcurrentWriters)({
                store: dir,
                cliWriters: 3,
                apiWriters: 2,
                durationMs: 12_000,
                killEveryMs: 700,
                random: (0, crashHarness_1.seededRandom)(SEED),
            });
            t.diagnostic(`${outcome.acknowledged} acknowledged, ${outcome.stored} stored, ${outcome.kills} kills`);
            strict_1.default.equal(outcome.sequenceMode, 'global');
            strict_1.default.ok(outcome.acknowledged >= 20, `writers acknowledged events (${outcome.acknowledged}); failures: ${outcome.failures.join(' | ')}`);
            strict_1.default.ok(outcome.kills >= 5, `writers were killed (${outcome.kills})`);
            strict_1.default.deepEqual(outcome.duplicatedSequences, [], 'sequence numbers stored twice');
            strict_1.default.deepEqual(outcome.lost, [], 'acknowledged events missing or renumbered');
            strict_1.default.deepEqual(outcome.gaps, [], 'numbers skipped');
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=concurrentWriters.int.spec.js.map