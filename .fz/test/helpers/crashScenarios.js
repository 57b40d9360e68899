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
exports.snapshotScenarios = snapshotScenarios;
exports.compressScenarios = compressScenarios;
exports.migrateScenarios = migrateScenarios;
exports.cleanupScenarios = cleanupScenarios;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const generateStore_1 = require("../../src/engine/generate/generateStore");
const event_1 = require("../../src/engine/model/event");
const openStore_1 = require("../../src/engine/openStore");
const compressDay_1 = require("../../src/engine/store/compressDay");
const layout_1 = require("../../src/engine/store/layout");
/** The prepared stores of the operation crash trials (tests and bench alike). */
/** The aggregate with the most events (the longest rebuild, the biggest snapshot). */
async function busiestAggregate(store) {
    const engine = await (0, openStore_1.openStore)(store, { threads: 1, noCache: true });
    try {
        const counts = new Map();
        for (let ordinal = 0; ordinal < engine.index.eventCount; ordinal++) {
            const id = engine.index.event(ordinal).aggregateId;
            if (id !== null)
                counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        return [...counts].sort((a, b) => b[1] - a[1])[0][0];
    }
    finally {
        await engine.close();
    }
}
async function snapshotScenarios(dir) {
    const template = path.join(dir, 'template-snapshot');
    await (0, generateStore_1.generateStore)({ events: 2000, days: 1, outDir: template, seed: 11 });
    // No snapshot yet, so creating one writes a new file.
    fs.rmSync(path.join(template, 'snapshots'), { recursive: true, force: true });
    return [{ name: 'snapshot', mode: 'snapshot', args: [await busiestAggregate(template)], template }];
}
const DAY = '2024-01-15';
async function compressScenarios(dir) {
    const fresh = path.join(dir, 'template-compress');
    await (0, generateStore_1.generateStore)({ events: 3000, days: 2, outDir: fresh, seed: 12 });
    // A day already gzipped that then got late events: the rotation adds a gzip member.
    const member = path.join(dir, 'template-compress-member');
    fs.cpSync(fresh, member, { recursive: true });
    await (0, compressDay_1.compressDayFile)(path.join(member, layout_1.EVENTS_DIR), DAY);
    const late = Array.from({ length: 50 }, (_, n) => {
        const event = (0, event_1.createEvent)('component_started', { late: n }, { source: 'crash test' });
        return (0, event_1.serializeEvent)({ ...event, metadata: { ...event.metadata, timestamp: `${DAY}T23:59:${String(n % 60).padStart(2, '0')}Z` } });
    });
    fs.writeFileSync(path.join(member, layout_1.EVENTS_DIR, (0, layout_1.eventFileName)(DAY)), `${late.join('\n')}\n`);
    return [
        { name: 'compress a plain day', mode: 'compress', args: [DAY], template: fresh, rerunFinishes: true },
        { name: 'add late events to a gzipped day', mode: 'compress', args: [DAY], template: member, rerunFinishes: true },
    ];
}
async function migrateScenarios(dir) {
    const template = path.join(dir, 'template-migrate');
    // Python style: trade_executed 1.0 events (migrated to 1.1) spread over the day files.
    await (0, generateStore_1.generateStore)({ events: 3000, days: 3, outDir: template, seed: 13, pythonStyle: true });
    return [{ name: 'migrate the day files', mode: 'migrate', args: ['crash'], template }];
}
async function cleanupScenarios(dir) {
    const template = path.join(dir, 'template-cleanup');
    await (0, generateStore_1.generateStore)({ events: 3000, days: 5, outDir: template, seed: 14 });
    // 2024-01-15..19 stored; a 1-day TTL on the 19th removes the first three days and the snapshots they supersede.
    return [{ name: 'remove three days', mode: 'cleanup', args: ['1', String(Date.parse('2024-01-19T12:00:00Z'))], template }];
}
//# sourceMappingURL=crashScenarios.js.map