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
const tempStore_1 = require("../helpers/tempStore");
(0, node_test_1.describe)('watching a store that is written in quick succession', () => {
    (0, node_test_1.it)('never misses the last append of a burst, even one right after the previous refresh', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-watch-bursts-');
        try {
            const store = path.join(dir, 'event_store');
            (0, generateStore_1.generateStoreSync)({ events: 300, days: 1, outDir: store, seed: 4 });
            const day = path.join(store, 'events', fs.readdirSync(path.join(store, 'events')).filter((f) => f.endsWith('.jsonl'))[0]);
            const lines = fs.readFileSync(day, 'utf8').trimEnd().split('\n');
            const engine = await (0, openStore_1.openStore)(store, { threads: 1, noCache: true });
            const start = engine.index.eventCount;
            const deltas = [];
            let reacted = false;
            const stop = engine.watch((delta) => {
                deltas.push(delta);
                // Written as soon as the first change is indexed: the watcher's own throttle would swallow its event.
                if (!reacted) {
                    reacted = true;
                    fs.appendFileSync(day, `${lines[5]}\n${lines[6]}\n`);
                }
            });
            await new Promise((resolve) => setTimeout(resolve, 200));
            fs.appendFileSync(day, `${lines[7]}\n`);
            const deadline = Date.now() + 5000;
            while (engine.index.eventCount < start + 3 && Date.now() < deadline)
                await new Promise((resolve) => setTimeout(resolve, 20));
            await stop();
            strict_1.default.equal(engine.index.eventCount, start + 3, `indexed ${engine.index.eventCount - start} of the 3 appended events`);
            strict_1.default.equal(deltas.reduce((sum, d) => sum + d.appendedEvents, 0), 3, 'every append was told');
            await engine.close();
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=watchBursts.int.spec.js.map