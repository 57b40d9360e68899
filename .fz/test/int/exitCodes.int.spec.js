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
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const zlib = __importStar(require("node:zlib"));
const node_test_1 = require("node:test");
const commandTable_1 = require("../../src/cli/commandTable");
const generateStore_1 = require("../../src/engine/generate/generateStore");
const tempStore_1 = require("../helpers/tempStore");
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
function exitOf(args, cwd) {
    const run = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, ...(cwd ? { cwd } : {}) });
    return { status: run.status, stderr: run.stderr };
}
/** The arguments that make each command do its ordinary work on `store` (a generated, clean one). */
function ordinaryRun(command, store, scratch) {
    switch (command) {
        case 'generate':
            return ['generate', '--events', '20', '--out', path.join(scratch, 'generated')];
        case 'copy':
            // Its ordinary work needs a PostgreSQL or NATS server: postgresStore/natsStore.int.spec.ts start real ones.
            return ['copy', '--from', store, '--to', 'postgres://nobody@127.0.0.1:1/none'];
        case 'publish':
            return ['publish', 'component_started', '--data', '{"component": "exit-codes test"}', '--store', store];
        case 'replay':
        case 'rebuild':
            return [command, '--aggregate', 'system', '--store', store];
        case 'correlation':
            return ['correlation', fs.existsSync(path.join(store, 'events')) ? firstCorrelation(store) : 'any', '--store', store];
        case 'snapshot':
            return ['snapshot', 'verify', '--store', store];
        default:
            return [command, '--store', store];
    }
}
/** The first day file's lines (gunzipped once `compact` has run on the store). */
function firstDayLines(store) {
    const [day] = fs.readdirSync(path.join(store, 'events')).sort();
    const bytes = fs.readFileSync(path.join(store, 'events', day));
    return (day.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8').split('\n');
}
function firstAggregate(store) {
    const [line] = firstDayLines(store);
    return JSON.parse(line).metadata.aggregate_id;
}
function firstCorrelation(store) {
    for (const line of firstDayLines(store)) {
        const id = JSON.parse(line).metadata.correlation_id;
        if (id)
            return id;
    }
    throw new Error('no correlation in the generated store');
}
(0, node_test_1.describe)('exit codes: 0 fine, 1 store problems, 2 usage or I/O — every command', () => {
    let scratch;
    let cleanup;
    let clean;
    let faulty;
    let notAStore;
    (0, node_test_1.before)(() => {
        ({ dir: scratch, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-exit-'));
        clean = path.join(scratch, 'clean');
        faulty = path.join(scratch, 'faulty');
        (0, generateStore_1.generateStoreSync)({ events: 300, days: 1, outDir: clean, seed: 3 });
        (0, generateStore_1.generateStoreSync)({ events: 300, days: 1, outDir: faulty, seed: 3, withErrors: true });
        notAStore = path.join(scratch, 'etc');
        fs.mkdirSync(notAStore);
        fs.writeFileSync(path.join(notAStore, 'passwd'), 'root:x:0:0\n');
    });
    (0, node_test_1.after)(() => cleanup?.());
    for (const { name } of commandTable_1.COMMANDS) {
        (0, node_test_1.it)(`${name}: --help 0, an unknown option 2, a folder that is not a store 2, ordinary work 0`, () => {
            strict_1.default.equal(exitOf([name, '--help']).status, 0);
            const unknown = exitOf([name, '--no-such-option']);
            strict_1.default.equal(unknown.status, 2, unknown.stderr);
            if (name !== 'generate') {
                const args = ordinaryRun(name, notAStore, scratch);
                const wrong = exitOf(args);
                strict_1.default.equal(wrong.status, 2, `${args.join(' ')}: ${wrong.stderr}`);
                strict_1.default.match(wrong.stderr, /is not an event store/);
            }
            const ok = exitOf(ordinaryRun(name, clean, scratch));
            // copy's target here has no server: an I/O error (2); the backend specs check its exit 0 against real servers.
            strict_1.default.equal(ok.status, name === 'copy' ? 2 : 0, ok.stderr);
        });
    }
    (0, node_test_1.it)('store problems are 1: findings, an unknown correlation, a rejected event, nothing to snapshot', () => {
        strict_1.default.equal(exitOf(['validate', '--store', faulty]).status, 1);
        strict_1.default.equal(exitOf(['correlation', 'no-such-correlation', '--store', clean]).status, 1);
        strict_1.default.equal(exitOf(['snapshot', 'create', '--aggregate', 'no_such_aggregate', '--store', clean]).status, 1);
        strict_1.default.equal(exitOf(['publish', 'component_started', '--data', '"not an object"', '--store', clean]).status, 1);
    });
    (0, node_test_1.it)('snapshot create on an I/O error is 2, not 1: snapshots/ a file, and a full disk (a real 1 MB tmpfs, as root)', (t) => {
        const aggregate = firstAggregate(clean);
        const blocked = path.join(scratch, 'snapshots-is-a-file');
        fs.cpSync(clean, blocked, { recursive: true });
        fs.rmSync(path.join(blocked, 'snapshots'), { recursive: true, force: true });
        fs.writeFileSync(path.join(blocked, 'snapshots'), 'not a folder\n');
        const notADir = exitOf(['snapshot', 'create', '--aggregate', aggregate, '--store', blocked]);
        strict_1.default.equal(notADir.status, 2, notADir.stderr);
        strict_1.default.match(notADir.stderr, /ENOTDIR/);
        const full = path.join(scratch, 'full');
        fs.mkdirSync(full);
        if (process.getuid?.() !== 0 || (0, node_child_process_1.spawnSync)('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', full]).status !== 0) {
            t.diagnostic('mounting a tmpfs needs root and mount(8): the full-disk half is not exercised here');
            return;
        }
        try {
            const store = path.join(full, 'store');
            (0, generateStore_1.generateStoreSync)({ events: 300, days: 1, outDir: store, seed: 3 });
            // Index first (it is written on open), then fill what is left, so only the snapshot's write meets the full disk.
            strict_1.default.equal(exitOf(['stats', '--store', store]).status, 0);
            const filler = path.join(full, 'filler');
            const fd = fs.openSync(filler, 'w');
            try {
                for (let size = 64 * 1024; size >= 1; size = Math.floor(size / 2)) {
                    try {
                        for (;;)
                            fs.writeSync(fd, Buffer.alloc(size, 0x78));
                    }
                    catch {
                        // no room for this size: try a smaller one
                    }
                }
            }
            finally {
                fs.closeSync(fd);
            }
            const snapshotsBefore = fs.readdirSync(path.join(store, 'snapshots')).sort();
            const run = exitOf(['snapshot', 'create', '--aggregate', aggregate, '--store', store]);
            strict_1.default.equal(run.status, 2, run.stderr);
            strict_1.default.match(run.stderr, /ENOSPC|no space/i);
            strict_1.default.deepEqual(fs.readdirSync(path.join(store, 'snapshots')).sort(), snapshotsBefore, 'no new snapshot and no temp file left');
        }
        finally {
            (0, node_child_process_1.spawnSync)('umount', [full]);
        }
    });
    (0, node_test_1.it)('a config with __proto__, constructor or prototype is an error (2), and storage_path that is not a store says so (2)', () => {
        const workspace = path.join(scratch, 'workspace');
        fs.mkdirSync(workspace, { recursive: true });
        for (const key of ['__proto__', 'constructor', 'prototype']) {
            fs.writeFileSync(path.join(workspace, 'eventbus.config.json'), `{"event_bus": {"${key}": {"max_history": 5}}}`);
            const run = exitOf(['stats'], workspace);
            strict_1.default.equal(run.status, 2, key);
            strict_1.default.match(run.stderr, new RegExp(`eventbus\\.config\\.json:1:\\d+: "${key}"`));
        }
        fs.writeFileSync(path.join(workspace, 'eventbus.config.json'), JSON.stringify({ storage_path: notAStore }));
        const run = exitOf(['stats'], workspace);
        strict_1.default.equal(run.status, 2);
        strict_1.default.match(run.stderr, /is not an event store/);
        strict_1.default.equal(fs.existsSync(path.join(notAStore, '.eventbus')), false, 'nothing was written into it');
    });
});
//# sourceMappingURL=exitCodes.int.spec.js.map