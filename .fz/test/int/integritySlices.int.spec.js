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
const generateStore_1 = require("../../src/engine/generate/generateStore");
const openStore_1 = require("../../src/engine/openStore");
const integrityRules_1 = require("../../src/engine/validate/integrityRules");
const tempStore_1 = require("../helpers/tempStore");
const key = (issue) => `${issue.code}@${issue.ordinal}:${issue.message}`;
const keys = (issues) => issues.map(key).sort();
(0, node_test_1.describe)('store-wide rules checked in slices (the language server answers requests meanwhile)', () => {
    (0, node_test_1.it)('find exactly what one go finds, in both sequence modes, even when events are appended between slices', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-integrity-slices-');
        try {
            for (const mode of ['global', 'aggregate']) {
                const store = path.join(dir, mode);
                (0, generateStore_1.generateStoreSync)({ events: 3000, days: 2, outDir: store, seed: 31, withErrors: true, sequenceMode: mode });
                const engine = await (0, openStore_1.openStore)(store, { threads: 1, noCache: true });
                const whole = (0, integrityRules_1.checkIntegrity)(engine.index);
                strict_1.default.ok(new Set(whole.map((i) => i.code)).size >= 3, `${mode}: the faulty store breaks several rules (${[...new Set(whole.map((i) => i.code))].join(', ')})`);
                strict_1.default.deepEqual(keys(await (0, integrityRules_1.checkIntegrityInSlices)(engine.index, {}, 0)), keys(whole), mode);
                // Appends while the check pauses are the next check's: this one reports the store as it was when it began.
                const days = fs.readdirSync(path.join(store, 'events')).filter((f) => f.endsWith('.jsonl')).sort();
                const last = path.join(store, 'events', days[days.length - 1]);
                const isEvent = (line) => {
                    try {
                        const e = JSON.parse(line);
                        return typeof e.event_type === 'string' && typeof e.metadata?.event_id === 'string';
                    }
                    catch {
                        return false;
                    }
                };
                const copies = fs.readFileSync(last, 'utf8').split('\n').filter(isEvent).slice(-2);
                // The first time the check gives way, events are appended and indexed.
                let appended = 0;
                const appendAndRefresh = async () => {
                    if (appended > 0)
                        return;
                    const text = fs.readFileSync(last, 'utf8');
                    // A torn tail (the faulty store may end with one) gets its line end first, so the copies are lines of their own.
                    fs.appendFileSync(last, `${text.endsWith('\n') ? '' : '\n'}${copies.join('\n')}\n`);
                    appended = (await engine.refresh()).appendedEvents;
                };
                const sliced = (0, integrityRules_1.checkIntegrityInSlices)(engine.index, {}, 0, appendAndRefresh);
                strict_1.default.deepEqual(keys(await sliced), keys(whole), `${mode}, with appends between slices`);
                strict_1.default.equal(appended, 2, 'the events were appended and indexed while the check was under way');
                // The next check sees the appended copies (their ids and sequence numbers repeat).
                const after = (0, integrityRules_1.checkIntegrity)(engine.index);
                strict_1.default.ok(after.filter((i) => i.code === 'EB013').length >= whole.filter((i) => i.code === 'EB013').length + 2);
                await engine.close();
            }
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=integritySlices.int.spec.js.map