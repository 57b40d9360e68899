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
/**
 * The process the crash tests and the crash bench kill. One operation per
 * run, chosen by argv; prints `ready` right before the operation starts, then
 * `done steps=<n> ms=<t>` when it finished. With EVENTBUS_CRASH_KILL_AT=<n> it
 * SIGKILLs itself just before its n-th file-system mutation (write, fsync,
 * rename, link, unlink, mkdir...), so a test can enumerate every kill point
 * of an operation deterministically; `steps` tells how many there are.
 *
 *   publish <store> [publishers]   publishes until killed; prints each event id once its publish resolved
 *   snapshot <store> <aggregate>   createSnapshot of the aggregate
 *   compress <store> <day>         compressDayFile of the day
 *   migrate <store> <stamp>        planMigration + executeMigration
 *   cleanup <store> <ttlDays> <nowMs>  planCleanup + executeCleanup
 */
// The module object itself: `import * as` would give a read-only copy, and patching must reach the product's calls.
const fs = require("node:fs");
const path = __importStar(require("node:path"));
const busConfig_1 = require("../../src/engine/config/busConfig");
const migrateStore_1 = require("../../src/engine/migrate/migrateStore");
const openStore_1 = require("../../src/engine/openStore");
const openStoreBus_1 = require("../../src/engine/openStoreBus");
const loadSchemaRegistry_1 = require("../../src/engine/schema/loadSchemaRegistry");
const createSnapshot_1 = require("../../src/engine/snapshot/createSnapshot");
const compressDay_1 = require("../../src/engine/store/compressDay");
const layout_1 = require("../../src/engine/store/layout");
const executeCleanup_1 = require("../../src/engine/ttl/executeCleanup");
const planCleanup_1 = require("../../src/engine/ttl/planCleanup");
let steps = 0;
let killAt = Number.POSITIVE_INFINITY;
function step() {
    steps++;
    if (steps >= killAt)
        process.kill(process.pid, 'SIGKILL');
}
/** An open for writing (reads are not kill points worth enumerating). */
function opensForWriting(flags) {
    if (typeof flags === 'string')
        return /[wax+]/.test(flags);
    if (typeof flags === 'number')
        return (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;
    return false;
}
function countCalls(target, names) {
    const record = target;
    for (const name of names) {
        const original = record[name];
        if (typeof original !== 'function')
            continue;
        const isOpen = name === 'open' || name === 'openSync';
        record[name] = function (...args) {
            if (!isOpen || opensForWriting(args[1]))
                step();
            return original.apply(this, args);
        };
    }
}
/** Counts (and, when armed, kills at) every call that changes the file system. */
async function armKillPoints() {
    const mutators = ['writeFile', 'appendFile', 'rename', 'link', 'unlink', 'rm', 'rmdir', 'mkdir', 'copyFile', 'truncate'];
    countCalls(fs.promises, [...mutators, 'open']);
    countCalls(fs, [...mutators, 'open'].map((name) => `${name}Sync`).concat(['fsyncSync', 'fdatasyncSync', 'writeSync']));
    const handle = await fs.promises.open(__filename, 'r');
    const prototype = Object.getPrototypeOf(handle);
    await handle.close();
    countCalls(prototype, ['write', 'writeFile', 'sync', 'datasync', 'truncate']);
}
async function publish(store, publishers) {
    const engine = await (0, openStore_1.openStore)(store, { threads: 1 });
    const config = { ...busConfig_1.DEFAULT_CONFIG, enable_persistence: true, enable_snapshots: false, processing_interval: 0, health_check_interval: 0 };
    const { bus } = (0, openStoreBus_1.openStoreBus)(engine, { config });
    await bus.start();
    process.stdout.write('ready\n');
    let counter = 0;
    const publisher = async (worker) => {
        for (;;) {
            const n = counter++;
            // Now and then a large event, so a kill can land in the middle of a long write.
            const note = n % 40 === 39 ? 'y'.repeat(256 * 1024) : 'x'.repeat(n % 300);
            const event = await bus.publish('trade_executed', { worker, n, note }, { source: 'crashChild', aggregate_id: `trader_${worker}` });
            process.stdout.write(`${event.metadata.event_id}\n`);
        }
    };
    await Promise.all(Array.from({ length: publishers }, (_, worker) => publisher(worker)));
}
async function operation(mode, store, args) {
    switch (mode) {
        case 'snapshot': {
            const engine = await (0, openStore_1.openStore)(store, { threads: 1, noCache: true });
            return () => (0, createSnapshot_1.createSnapshot)(engine.storage, args[0]);
        }
        case 'compress':
            return () => (0, compressDay_1.compressDayFile)(path.join(store, layout_1.EVENTS_DIR), args[0]);
        case 'migrate': {
            const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(store);
            const plan = await (0, migrateStore_1.planMigration)(store, registry);
            return () => (0, migrateStore_1.executeMigration)(plan, registry, args[0]);
        }
        case 'cleanup': {
            const plan = await (0, planCleanup_1.planCleanup)(store, { event_ttl_days: Number(args[0]) }, Number(args[1]));
            return () => (0, executeCleanup_1.executeCleanup)(plan);
        }
        default:
            throw new Error(`crashChild: unknown mode ${mode}`);
    }
}
async function main() {
    const [mode, store, ...args] = process.argv.slice(2);
    if (!mode || !store)
        throw new Error('usage: crashChild <mode> <store> [args]');
    if (mode === 'publish')
        return publish(store, Number(args[0] ?? 8));
    const run = await operation(mode, store, args);
    await armKillPoints();
    const killEnv = process.env.EVENTBUS_CRASH_KILL_AT;
    if (killEnv)
        killAt = Number(killEnv);
    steps = 0;
    process.stdout.write('ready\n');
    const started = performance.now();
    await run();
    process.stdout.write(`done steps=${steps} ms=${(performance.now() - started).toFixed(1)}\n`);
}
main().catch((error) => {
    process.stderr.write(`crashChild: ${error.stack ?? String(error)}\n`);
    process.exit(1);
});
//# sourceMappingURL=crashChild.js.map