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
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const eventFileAppender_1 = require("../../src/engine/store/eventFileAppender");
const writeLock_1 = require("../../src/engine/store/writeLock");
const tempStore_1 = require("../helpers/tempStore");
const HOLDER = path.join(__dirname, 'fixtures-bus', 'holdWriterLock.js');
/** A pid that certainly belongs to no running process: a child that has exited. */
function deadPid() {
    const child = (0, node_child_process_1.spawnSync)(process.execPath, ['-e', 'process.exit(0)']);
    strict_1.default.ok(child.pid);
    return child.pid;
}
function writeLockFile(storeRoot, content, ageMs = 0) {
    const file = path.join(storeRoot, 'writer.lock');
    fs.writeFileSync(file, content);
    if (ageMs > 0) {
        const then = new Date(Date.now() - ageMs);
        fs.utimesSync(file, then, then);
    }
    return file;
}
/** Starts a child that tries to take the lock; resolves with its first stdout line or its exit. */
function startHolder(storeRoot) {
    const child = (0, node_child_process_1.spawn)(process.execPath, [HOLDER, storeRoot], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk.toString()));
    const outcome = new Promise((resolve) => {
        child.stdout?.on('data', (chunk) => {
            if (chunk.toString().includes('locked'))
                resolve({ locked: true, stderr });
        });
        child.on('close', () => resolve({ locked: false, stderr }));
    });
    return { child, outcome };
}
async function stopHolder(child) {
    if (child.exitCode !== null)
        return;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.stdin?.end();
    await exited;
}
(0, node_test_1.describe)('writer lock', () => {
    (0, node_test_1.it)('writes {pid, hostname, started} and a second writer gets an error naming the holder and the file', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const first = await eventFileAppender_1.EventFileAppender.open(dir);
            const lockFile = path.join(dir, 'writer.lock');
            const content = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
            strict_1.default.equal(content.pid, process.pid);
            strict_1.default.equal(content.hostname, os.hostname());
            strict_1.default.ok(!Number.isNaN(Date.parse(String(content.started))));
            await strict_1.default.rejects(eventFileAppender_1.EventFileAppender.open(dir), (error) => {
                strict_1.default.ok(error instanceof writeLock_1.WriterLockedError);
                strict_1.default.equal(error.holder.pid, process.pid);
                strict_1.default.ok(error.message.includes(`process ${process.pid}`), error.message);
                strict_1.default.ok(error.message.includes(lockFile), error.message);
                return true;
            });
            await first.close();
            const second = await eventFileAppender_1.EventFileAppender.open(dir);
            await second.close();
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('refuses a lock held by another live process', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        const { child, outcome } = startHolder(dir);
        try {
            strict_1.default.equal((await outcome).locked, true);
            await strict_1.default.rejects((0, writeLock_1.acquireWriterLock)(dir), new RegExp(`by process ${child.pid}\\b`));
        }
        finally {
            await stopHolder(child);
            cleanup();
        }
        strict_1.default.equal(fs.existsSync(path.join(dir, 'writer.lock')), false);
    });
    (0, node_test_1.it)('recovers a lock left by a dead process', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const pid = deadPid();
            writeLockFile(dir, JSON.stringify({ pid, hostname: os.hostname(), started: '2024-01-01T00:00:00Z' }));
            const lock = await (0, writeLock_1.acquireWriterLock)(dir);
            strict_1.default.equal(lock.holder.pid, process.pid);
            strict_1.default.equal(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid, process.pid);
            await lock.release();
            strict_1.default.equal(fs.existsSync(lock.file), false);
            strict_1.default.deepEqual(fs.readdirSync(dir), [], 'no guard or temp files left behind');
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('recovers a garbage lock file, but waits for a young empty one', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            writeLockFile(dir, 'not json {');
            const lock = await (0, writeLock_1.acquireWriterLock)(dir);
            await lock.release();
            writeLockFile(dir, '', 60_000);
            const again = await (0, writeLock_1.acquireWriterLock)(dir);
            await again.release();
            // A young empty file may be a lock being written right now: not taken until it is gone (or old).
            const young = writeLockFile(dir, '');
            const started = Date.now();
            setTimeout(() => fs.rmSync(young), 60);
            const later = await (0, writeLock_1.acquireWriterLock)(dir);
            strict_1.default.ok(Date.now() - started >= 50, 'waited for the young empty lock');
            await later.release();
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('treats a holder on another host as alive', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            writeLockFile(dir, JSON.stringify({ pid: deadPid(), hostname: `${os.hostname()}-elsewhere`, started: 'x' }));
            await strict_1.default.rejects((0, writeLock_1.acquireWriterLock)(dir), /on host .*-elsewhere/);
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('lets exactly one of several concurrent in-process recoverers win (interleaved async steps)', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            // Staggered starts, so one recoverer's unlink can land after another's create:
            // the interleaving that makes an unguarded "read, unlink, create" let two win.
            const staggered = (i) => new Promise((resolve) => setTimeout(resolve, i % 3)).then(() => (0, writeLock_1.acquireWriterLock)(dir));
            const pid = deadPid();
            for (let round = 0; round < 40; round++) {
                writeLockFile(dir, JSON.stringify({ pid, hostname: os.hostname(), started: `round ${round}` }));
                const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => staggered(i)));
                const won = results.filter((r) => r.status === 'fulfilled');
                strict_1.default.equal(won.length, 1, `round ${round}: ${results.map((r) => r.status).join(', ')}`);
                for (const r of results)
                    if (r.status === 'rejected')
                        strict_1.default.ok(r.reason instanceof writeLock_1.WriterLockedError, String(r.reason));
                await won[0].value.release();
            }
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('lets exactly one of several processes recovering the same stale lock win', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        const holders = [];
        try {
            writeLockFile(dir, JSON.stringify({ pid: deadPid(), hostname: os.hostname(), started: 'x' }));
            for (let i = 0; i < 4; i++)
                holders.push(startHolder(dir));
            const outcomes = await Promise.all(holders.map((h) => h.outcome));
            const winners = outcomes.filter((o) => o.locked);
            strict_1.default.equal(winners.length, 1, JSON.stringify(outcomes));
            for (const loser of outcomes.filter((o) => !o.locked))
                strict_1.default.match(loser.stderr, /already open for writing by process \d+/);
        }
        finally {
            await Promise.all(holders.map((h) => stopHolder(h.child)));
            cleanup();
        }
    });
});
//# sourceMappingURL=writeLock.int.spec.js.map