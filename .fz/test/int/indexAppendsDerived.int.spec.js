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
const openStore_1 = require("../../src/engine/openStore");
const tempStore_1 = require("../helpers/tempStore");
const id = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
function line(n, cause, second = n) {
    return JSON.stringify({
        event_type: 'trade_executed',
        data: { n },
        metadata: {
            event_id: id(n),
            version: '1.0.0',
            schema_version: '1.0',
            timestamp: new Date(Date.UTC(2024, 0, 15, 10, 0, second)).toISOString(),
            source: 'TradingBot',
            correlation_id: 'c',
            causation_id: cause === null ? null : id(cause),
            aggregate_id: 'trader_1',
            sequence_number: n,
            retry_count: 0,
            status: 'completed',
            tags: {},
        },
    });
}
(0, node_test_1.describe)('what the index derives, after appends', () => {
    (0, node_test_1.it)('unknown causes: an appended event can be the missing cause of an earlier one; new dangling causes are found', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-index-appends-');
        try {
            // Event 3's cause (900) is not in the store yet; 4's cause is 1.
            (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', [line(1, null), line(2, 1), line(3, 900), line(4, 1), line(5, 901)].join('\n') + '\n');
            const engine = await (0, openStore_1.openStore)(dir, { threads: 1, noCache: true });
            strict_1.default.deepEqual(engine.index.unknownCauses(), [2, 4]);
            // 900 arrives (fixing event 3), 6 names a cause that does not exist, 7 a cause that does.
            fs.appendFileSync(path.join(dir, 'events', 'events_2024-01-15.jsonl'), [line(900, null, 10), line(6, 902, 11), line(7, 2, 12)].join('\n') + '\n');
            await engine.refresh();
            const fresh = await (0, openStore_1.openStore)(dir, { threads: 1, noCache: true });
            strict_1.default.deepEqual(engine.index.unknownCauses(), fresh.index.unknownCauses());
            strict_1.default.deepEqual(engine.index.unknownCauses(), [4, 6]);
            // A new day file counts as appended too: 901 fixes event 5 (ordinal 4), event 8 (ordinal 9) dangles.
            (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-16.jsonl', `${line(901, null, 20)}\n${line(8, 903, 21)}\n`);
            await engine.refresh();
            strict_1.default.deepEqual(engine.index.unknownCauses(), [6, 9]);
            await fresh.close();
            await engine.close();
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=indexAppendsDerived.int.spec.js.map