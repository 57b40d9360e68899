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
exports.crashChildScript = crashChildScript;
exports.runCrashChild = runCrashChild;
exports.seededRandom = seededRandom;
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
/**
 * Starting and killing `crashChild` (shared by the crash tests and the crash
 * bench). Compiled by tsc, the child sits beside this file; inside the
 * bench's esbuild bundle it does not, so it is bundled next to the bundle (once per process).
 */
let childScript;
function crashChildScript() {
    if (childScript)
        return childScript;
    const beside = path.join(__dirname, 'crashChild.js');
    // Compiled by tsc, this file's siblings are compiled too; in a bundle, a crashChild.js there may be stale.
    if (fs.existsSync(path.join(__dirname, 'crashHarness.js')))
        return (childScript = beside);
    let root = __dirname;
    while (!fs.existsSync(path.join(root, 'package.json'))) {
        const parent = path.dirname(root);
        if (parent === root)
            throw new Error(`crashHarness: no crashChild.js beside ${__dirname} and no package.json above it`);
        root = parent;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require(path.join(root, 'node_modules', 'esbuild'));
    esbuild.buildSync({
        entryPoints: [path.join(root, 'test', 'helpers', 'crashChild.ts')],
        outfile: beside,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        logLevel: 'warning',
        mainFields: ['module', 'main'],
    });
    return (childScript = beside);
}
/** Runs `crashChild <mode> <args>` and kills it as asked; rejects if it fails on its own. */
function runCrashChild(mode, args, options = {}) {
    const env = { ...process.env };
    if (options.killAtStep !== undefined)
        env.EVENTBUS_CRASH_KILL_AT = String(options.killAtStep);
    else
        delete env.EVENTBUS_CRASH_KILL_AT;
    const child = (0, node_child_process_1.spawn)(process.execPath, [crashChildScript(), mode, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    let ready = false;
    let timer;
    const kill = () => child.kill('SIGKILL');
    return new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
            stdout += chunk.toString('utf8');
            if (!ready && stdout.startsWith('ready\n')) {
                ready = true;
                if (options.killAfterMs !== undefined)
                    timer = setTimeout(kill, options.killAfterMs);
            }
            if (ready && options.killAfterLines !== undefined && countLines(stdout) - 1 >= options.killAfterLines)
                kill();
        });
        child.stderr.on('data', (chunk) => (stderr += chunk.toString('utf8')));
        child.on('error', reject);
        // 'close': every byte written before the kill has arrived (pipes to us are synchronous in the child).
        child.on('close', (code, signal) => {
            if (timer)
                clearTimeout(timer);
            const killed = signal === 'SIGKILL';
            if (!killed && code !== 0) {
                reject(new Error(`crashChild ${mode} ${args.join(' ')} exited with ${code}: ${stderr}`));
                return;
            }
            const all = stdout.split('\n');
            all.pop(); // empty after the last '\n', or a line cut short by the kill
            const lines = all[0] === 'ready' ? all.slice(1) : [];
            const done = lines.length > 0 ? /^done steps=(\d+) ms=([\d.]+)$/.exec(lines[lines.length - 1]) : null;
            resolve({ lines, killed, stderr, steps: done ? Number(done[1]) : undefined, ms: done ? Number(done[2]) : undefined });
        });
    });
}
function countLines(text) {
    let n = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        n++;
    return n;
}
/** A small seeded PRNG (mulberry32), so a failing trial can be replayed from its seed. */
function seededRandom(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
//# sourceMappingURL=crashHarness.js.map