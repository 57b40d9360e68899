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
const busConfig_1 = require("../../src/engine/config/busConfig");
const openStore_1 = require("../../src/engine/openStore");
const openStoreBus_1 = require("../../src/engine/openStoreBus");
const tempStore_1 = require("../helpers/tempStore");
(0, node_test_1.describe)('the store bus under a publisher that does not wait', () => {
    (0, node_test_1.it)('holds at most its queue limit and still writes every event once', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-store-bus-limit-');
        try {
            fs.mkdirSync(path.join(dir, 'events'), { recursive: true });
            const engine = await (0, openStore_1.openStore)(dir, { threads: 1 });
            // A slow dispatcher (one small batch a cycle) so that, unbounded, the queue would fill with everything.
            const config = { ...busConfig_1.DEFAULT_CONFIG, enable_snapshots: false, processing_interval: 0.02, batch_size: 5, health_check_interval: 0 };
            const limit = 20;
            const { bus, close } = (0, openStoreBus_1.openStoreBus)(engine, { config, maxQueueSize: limit });
            await bus.start();
            let largest = 0;
            let sampling = true;
            const sampler = (async () => {
                while (sampling) {
                    largest = Math.max(largest, bus.getStatus().queue_size);
                    await new Promise((resolve) => setTimeout(resolve, 1));
                }
            })();
            const published = await Promise.all(Array.from({ length: 300 }, (_, n) => bus.publish('trade_executed', { n }, { source: 'limit-test', aggregate_id: 'trader_1' })));
            sampling = false;
            await sampler;
            await close();
            strict_1.default.ok(largest > 0, 'the sampler saw a queue');
            strict_1.default.ok(largest <= limit, `the queue held ${largest} events, limit ${limit}`);
            const reopened = await (0, openStore_1.openStore)(dir, { threads: 1, noCache: true });
            strict_1.default.equal(reopened.index.eventCount, 300);
            strict_1.default.deepEqual(new Set(published.map((e) => e.metadata.event_id)).size, 300);
            await reopened.close();
            await engine.close();
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('has a limit by default', () => {
        strict_1.default.ok(openStoreBus_1.STORE_BUS_QUEUE_LIMIT > 0 && Number.isInteger(openStoreBus_1.STORE_BUS_QUEUE_LIMIT));
    });
});
//# sourceMappingURL=storeBusLimit.int.spec.js.map