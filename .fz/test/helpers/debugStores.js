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
Object.defineProperty(exports, "__esModule", { value: true });
exports.generatedStoreWithGzipDays = generatedStoreWithGzipDays;
exports.longAggregateStore = longAggregateStore;
const node_child_process_1 = require("node:child_process");
const crypto = __importStar(require("node:crypto"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const generateStore_1 = require("../../src/engine/generate/generateStore");
const CLI = path.resolve(__dirname, '../../../dist/cli.js');
/** A generated store of three days, the first two gzipped as the bus compresses closed days. */
function generatedStoreWithGzipDays(root, options) {
    (0, generateStore_1.generateStoreSync)({ events: options.events, outDir: root, days: 3, withErrors: options.withErrors === true });
    (0, node_child_process_1.execFileSync)(process.execPath, [CLI, 'compact', '--store', root, '--now', '2024-01-17T00:00:00Z'], { stdio: 'ignore' });
}
/**
 * One aggregate of `count` events (`acct-1`), each changing a balance and a
 * few fields, the first one carrying a big list and a wide object (for
 * paging), all in one day file; every 50th event is another aggregate's.
 * Events 1–4 are one correlation: 1 caused 2 and 3, and 2 caused 4.
 */
function longAggregateStore(root, count) {
    const lines = [];
    const ids = Array.from({ length: count + 1 }, () => crypto.randomUUID());
    // Events 1–4 are one correlation: 1 caused 2 and 3, 2 caused 4 (a cause with two effects, a chain of three).
    const causes = { 2: 1, 3: 1, 4: 2 };
    const start = Date.parse('2024-02-01T00:00:00Z');
    let balance = 0;
    for (let i = 1; i <= count; i++) {
        balance += (i % 7) - 3;
        const data = { balance, [`field_${i % 13}`]: i, last_step: i, nested: { depth: { i, parity: i % 2 === 0 ? 'even' : 'odd' } } };
        if (i === 1) {
            data.items = Array.from({ length: 3000 }, (_, k) => ({ k }));
            data.wide = Object.fromEntries(Array.from({ length: 2500 }, (_, k) => [`key_${String(k).padStart(4, '0')}`, k]));
        }
        lines.push(JSON.stringify({
            event_type: 'balance_changed',
            data,
            metadata: {
                event_id: ids[i],
                schema_version: '1.0',
                timestamp: new Date(start + i * 1000).toISOString(),
                source: 'ledger',
                correlation_id: i <= 4 ? 'corr-chain' : crypto.randomUUID(),
                causation_id: causes[i] !== undefined ? ids[causes[i]] : null,
                aggregate_id: i % 50 === 0 ? 'other-1' : 'acct-1',
                sequence_number: i,
                retry_count: 0,
                status: 'completed',
            },
        }));
    }
    fs.mkdirSync(path.join(root, 'events'), { recursive: true });
    fs.writeFileSync(path.join(root, 'events', 'events_2024-02-01.jsonl'), `${lines.join('\n')}\n`);
}
//# sourceMappingURL=debugStores.js.map