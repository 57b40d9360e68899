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
const path = __importStar(require("node:path"));
const generateStore_1 = require("../../src/engine/generate/generateStore");
const openStore_1 = require("../../src/engine/openStore");
const loadSchemaRegistry_1 = require("../../src/engine/schema/loadSchemaRegistry");
const replay_1 = require("../../src/engine/replay/replay");
const tempStore_1 = require("../helpers/tempStore");
(0, node_test_1.test)('events are upcast on read: replay sees old trade_executed events in the newest schema, the file keeps them as written', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const store = path.join(dir, 'event_store');
        await (0, generateStore_1.generateStore)({ events: 3000, outDir: store, seed: 3 });
        const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(store);
        strict_1.default.equal(registry.newestVersion('trade_executed'), '1.1');
        const engine = await (0, openStore_1.openStore)(store, { noCache: true, upcast: (event) => registry.upcast(event) });
        const old = engine.select({ eventType: 'trade_executed' }).filter((e) => e.schemaVersion === '1.0');
        strict_1.default.ok(old.length > 0, 'the generator writes some 1.0 events');
        const raw = JSON.parse(await engine.readLine(old[0].ordinal));
        strict_1.default.equal(raw.metadata.schema_version, '1.0');
        strict_1.default.ok('order_id' in raw.data && !('venue' in raw.data));
        const read = await engine.readEvent(old[0].ordinal);
        strict_1.default.equal(read.metadata.schema_version, '1.1');
        strict_1.default.equal(read.data.venue, 'unknown');
        strict_1.default.ok(!('order_id' in read.data) && 'exchange_order_id' in read.data);
        strict_1.default.deepEqual(registry.validateData('trade_executed', '1.1', read.data), []);
        const replayed = await (0, replay_1.replayEvents)(engine.storage, { aggregateId: old[0].aggregateId ?? undefined });
        strict_1.default.ok(replayed.every((e) => e.event_type !== 'trade_executed' || e.metadata.schema_version === '1.1'));
        await engine.close();
    }
    finally {
        cleanup();
    }
});
//# sourceMappingURL=upcastOnRead.int.spec.js.map