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
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const strict_1 = __importDefault(require("node:assert/strict"));
const generateStore_1 = require("../../src/engine/generate/generateStore");
const openStore_1 = require("../../src/engine/openStore");
const integrityRules_1 = require("../../src/engine/validate/integrityRules");
const tempStore_1 = require("../helpers/tempStore");
/** The index, refusing the whole-store columns: a store-wide rule that asks for them holds a number per event. */
function withoutWholeColumns(index) {
    return new Proxy(index, {
        get(target, key, receiver) {
            if (key === 'numericColumns' || key === 'timeOrdered') {
                return () => {
                    throw new Error(`${String(key)}() asked of the persisted index: a column of the whole store held at once`);
                };
            }
            const value = Reflect.get(target, key, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
        },
    });
}
/**
 * The generator's faults have no repeated number nor a clock going back:
 * copies of an early event of the first day, appended to the last day with
 * new ids, repeat its number (EB015) or take one below every other (EB016)
 * and go back in its aggregate's time (EB018).
 */
function appendRepeats(store) {
    const dir = path.join(store, 'events');
    const days = fs.readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort();
    const lines = fs.readFileSync(path.join(dir, days[0]), 'utf8').split('\n');
    const copies = [];
    for (const k of [10, 20, 30]) {
        const event = JSON.parse(lines[k]);
        event.metadata.event_id = `00000000-0000-4000-8000-0000000000${k}`;
        if (k === 30)
            event.metadata.sequence_number = -7;
        copies.push(JSON.stringify(event));
    }
    fs.appendFileSync(path.join(dir, days[days.length - 1]), `${copies.join('\n')}\n`);
}
function described(issues) {
    return issues.map((i) => `${i.code}@${i.ordinal}: ${i.message}`).sort();
}
for (const sequenceMode of ['global', 'aggregate']) {
    (0, node_test_1.test)(`store-wide rules over a persisted index read its columns a stretch at a time and find what the in-memory build finds (${sequenceMode} mode)`, async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)('integrity-stretches-');
        // More events than a stretch holds (16,384), with duplicates, gaps, regressions and clocks going back injected.
        (0, generateStore_1.generateStoreSync)({ events: 40_000, outDir: dir, seed: 11, withErrors: true, sequenceMode });
        appendRepeats(dir);
        const inMemory = await (0, openStore_1.openStore)(dir, { threads: 1, noCache: true });
        const expected = described((0, integrityRules_1.checkIntegrity)(inMemory.index));
        await inMemory.close();
        const first = await (0, openStore_1.openStore)(dir, { threads: 1 });
        await first.close();
        const engine = await (0, openStore_1.openStore)(dir, { threads: 1 });
        try {
            strict_1.default.ok(engine.index.base, 'the second open reads the persisted index in place');
            const index = withoutWholeColumns(engine.index);
            const codes = new Set(expected.map((line) => line.slice(0, 5)));
            for (const code of ['EB013', 'EB014', 'EB015', 'EB016', 'EB018'])
                strict_1.default.ok(codes.has(code), `the faulty store has ${code} findings (got ${[...codes].join(', ')})`);
            strict_1.default.deepEqual(described((0, integrityRules_1.checkIntegrity)(index)), expected);
            strict_1.default.deepEqual(described(await (0, integrityRules_1.checkIntegrityInSlices)(index, {}, 0)), expected);
        }
        finally {
            await engine.close();
            cleanup();
        }
    });
}
//# sourceMappingURL=integrityStretches.int.spec.js.map