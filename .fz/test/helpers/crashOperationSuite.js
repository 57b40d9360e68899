"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeOperationCrashes = describeOperationCrashes;
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const crashHarness_1 = require("./crashHarness");
const crashOperationTrial_1 = require("./crashOperationTrial");
const tempStore_1 = require("./tempStore");
/** EVENTBUS_CRASH_ALL_STEPS=1 tries every kill point instead of a spread of them. */
const MAX_STEPS = process.env.EVENTBUS_CRASH_ALL_STEPS ? Number.POSITIVE_INFINITY : 16;
const RANDOM_TRIALS = Math.max(5, Number(process.env.EVENTBUS_CRASH_RANDOM_TRIALS ?? 6));
/**
 * The crash tests of one rewriting operation: its every (or a spread of)
 * file-system step as a deterministic kill point, then SIGKILLs after random
 * delays within the operation's run time.
 */
function describeOperationCrashes(title, prepare) {
    (0, node_test_1.describe)(`crash safety: ${title}`, () => {
        const temp = (0, tempStore_1.makeTempDir)('eventbus-crash-op-');
        let scenarios = [];
        (0, node_test_1.before)(async () => {
            const prepared = await prepare(temp.dir);
            scenarios = [];
            for (const scenario of prepared)
                scenarios.push({ scenario, reference: await (0, crashOperationTrial_1.referenceRun)(scenario, temp.dir) });
        });
        (0, node_test_1.after)(() => temp.cleanup());
        (0, node_test_1.it)('killed at each file-system step, the store is as before or as after, never half', async () => {
            for (const { scenario, reference } of scenarios) {
                strict_1.default.notDeepEqual(reference.after, reference.before, `${scenario.name}: the operation changes the store`);
                const endings = new Set();
                for (const step of (0, crashOperationTrial_1.killSteps)(reference.steps, MAX_STEPS)) {
                    const outcome = await (0, crashOperationTrial_1.operationCrashTrial)(scenario, reference, temp.dir, { step });
                    strict_1.default.deepEqual(outcome.violations, []);
                    endings.add(outcome.ending);
                }
                // Killed before the first step nothing changed; killed at the last, the work was done.
                strict_1.default.ok(endings.has('before'), `${scenario.name}: some kill points leave the store as before`);
                strict_1.default.ok(endings.has('after') || endings.has('finished'), `${scenario.name}: some kill points leave it as after`);
            }
        });
        (0, node_test_1.it)(`SIGKILLed after random delays (${RANDOM_TRIALS} trials per scenario), the store is as before or as after`, async () => {
            const seed = Number(process.env.EVENTBUS_CRASH_SEED ?? Date.now() % 1_000_000);
            const random = (0, crashHarness_1.seededRandom)(seed);
            for (const { scenario, reference } of scenarios) {
                for (let trial = 0; trial < RANDOM_TRIALS; trial++) {
                    const afterMs = Math.floor(random() * (reference.ms + 2));
                    const outcome = await (0, crashOperationTrial_1.operationCrashTrial)(scenario, reference, temp.dir, { afterMs });
                    strict_1.default.deepEqual(outcome.violations, [], `seed ${seed}`);
                }
            }
        });
    });
}
//# sourceMappingURL=crashOperationSuite.js.map