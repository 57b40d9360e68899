"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const sequenceRules_1 = require("../../src/engine/validate/sequenceRules");
/** Just what the reports name: an event's file and line. */
function placesIndex() {
    return { event: (ordinal) => ({ ordinal, file: 'events/x.jsonl', line: ordinal + 1 }) };
}
function stretchesOf(sequences, size) {
    return function* () {
        for (let from = 0; from < sequences.length; from += size)
            yield { from, sequences: sequences.slice(from, from + size) };
    };
}
function streamed(sequences, size) {
    const issues = [];
    const stream = new sequenceRules_1.SequenceStream(placesIndex(), { gap: true, duplicate: true, regression: true }, issues);
    for (const stretch of stretchesOf(sequences, size)())
        stream.visit(stretch.from, stretch.sequences);
    for (const _ of stream.finish(stretchesOf(sequences, size))) {
        // Every step at once.
    }
    return issues.map((i) => `${i.code}@${i.ordinal}: ${i.message}`).sort();
}
/** The whole-column reference: every number sorted at once. */
function sortedAtOnce(sequences) {
    const issues = [];
    const ordinals = sequences.map((_, i) => i);
    (0, sequenceRules_1.checkSequenceRun)(placesIndex(), ordinals, sequences, null, { gap: true, duplicate: true, regression: true }, issues);
    return issues.map((i) => `${i.code}@${i.ordinal}: ${i.message}`).sort();
}
/** A deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed) {
    let a = seed;
    return () => {
        a |= 0;
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
(0, node_test_1.describe)('bus-wide sequence rules fed a stretch at a time', () => {
    (0, node_test_1.it)('report exactly what sorting every number at once reports: counters with repeats, holes, steps back, starts below zero and far-off numbers', () => {
        for (let seed = 1; seed <= 60; seed++) {
            const next = random(seed);
            const start = Math.floor(next() * 5000) - 2500;
            const sequences = [];
            let counter = start;
            for (let i = 0; i < 300 + Math.floor(next() * 3000); i++) {
                const roll = next();
                if (roll < 0.03)
                    sequences.push(counter - 1 - Math.floor(next() * 50)); // a step back or a repeat
                else if (roll < 0.05)
                    counter += 2 + Math.floor(next() * 30); // a hole
                else if (roll < 0.06)
                    sequences.push(Number.NaN); // no number (EB006's business)
                else if (roll < 0.065)
                    sequences.push(counter + 0.5); // not an integer
                else
                    sequences.push(counter++);
                // Now and then a number far below everything: the bits grow downwards.
                if (next() < 0.002)
                    sequences.push(start - 100_000 - Math.floor(next() * 1000));
            }
            const size = 1 + Math.floor(next() * 700);
            strict_1.default.deepEqual(streamed(sequences, size), sortedAtOnce(sequences), `seed ${seed}, stretches of ${size}`);
        }
    });
    (0, node_test_1.it)('numbers spread too thin for bits are sorted instead, with the same reports', () => {
        const sequences = [5, 1e12, 3, 1e12, 7, 2e12, 6];
        strict_1.default.deepEqual(streamed(sequences, 2), sortedAtOnce(sequences));
        strict_1.default.ok(streamed(sequences, 2).some((line) => line.startsWith('EB015')), 'the repeat of 1e12 is reported');
    });
    (0, node_test_1.it)('a healthy counter is walked once: finish asks for no second walk', () => {
        const sequences = Array.from({ length: 10_000 }, (_, i) => i + 1);
        const issues = [];
        const stream = new sequenceRules_1.SequenceStream(placesIndex(), { gap: true, duplicate: true, regression: true }, issues);
        for (const stretch of stretchesOf(sequences, 1000)())
            stream.visit(stretch.from, stretch.sequences);
        let walked = 0;
        for (const _ of stream.finish(() => {
            walked++;
            return stretchesOf(sequences, 1000)();
        })) {
            // Every step at once.
        }
        strict_1.default.equal(walked, 0);
        strict_1.default.deepEqual(issues, []);
    });
});
//# sourceMappingURL=sequenceStream.unit.spec.js.map