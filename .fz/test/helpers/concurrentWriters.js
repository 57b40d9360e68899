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
exports.CLI_SCRIPT = void 0;
exports.runConcurrentWriters = runConcurrentWriters;
/**
 * Several writers on one store at once, CLI (`eventbus publish` processes in
 * a loop) and API (test/helpers/apiPublisher), with random SIGKILLs; then a
 * check of what the store holds against what the writers acknowledged. Used
 * by test/int/concurrentWriters.int.spec.ts and the bench.
 */
const node_child_process_1 = require("node:child_process");
const path = __importStar(require("node:path"));
const openStore_1 = require("../../src/engine/openStore");
exports.CLI_SCRIPT = path.resolve(__dirname, '../../src/cli/main.js');
const API_SCRIPT = path.resolve(__dirname, 'apiPublisher.js');
async function runConcurrentWriters(options) {
    const acks = new Map();
    const failures = [];
    const noteFailure = (text) => {
        if (failures.length < 20)
            failures.push(text);
    };
    const running = new Set();
    let kills = 0;
    let stopping = false;
    const track = (child, onLine) => {
        running.add(child);
        let buffered = '';
        child.stdout?.setEncoding('utf8').on('data', (chunk) => {
            buffered += chunk;
            let nl;
            while ((nl = buffered.indexOf('\n')) >= 0) {
                onLine(buffered.slice(0, nl));
                buffered = buffered.slice(nl + 1);
            }
        });
        if (child.stderr?.listenerCount('data') === 0)
            child.stderr.resume();
        return new Promise((resolve) => child.on('close', () => {
            running.delete(child);
            resolve();
        }));
    };
    const cliLoop = async (writer) => {
        for (let n = 0; !stopping; n++) {
            const child = (0, node_child_process_1.spawn)(process.execPath, [options.cliScript ?? exports.CLI_SCRIPT, 'publish', 'trade_executed', '--data', JSON.stringify({ writer: `cli${writer}`, n }), '--aggregate', `cli${writer}_${n % 3}`, '--source', `cli${writer}`, '--store', options.store], { stdio: ['ignore', 'pipe', 'pipe'] });
            let out = '';
            let err = '';
            child.stderr?.setEncoding('utf8').on('data', (chunk) => (err += chunk));
            await track(child, (line) => (out += line));
            if (child.exitCode !== 0 && child.signalCode === null)
                noteFailure(`cli exit ${child.exitCode}: ${err.trim()}`);
            // Acknowledged: the process printed the stored event and exited 0 (a killed one printed nothing, or was not asked).
            if (child.exitCode === 0 && out.startsWith('{')) {
                const event = JSON.parse(out);
                acks.set(event.metadata.event_id, { seq: event.metadata.sequence_number });
            }
        }
    };
    const apiLoop = async (writer) => {
        while (!stopping) {
            const child = (0, node_child_process_1.spawn)(process.execPath, [options.apiScript ?? API_SCRIPT, options.store, `api${writer}`, '5'], { stdio: ['ignore', 'pipe', 'pipe'] });
            await track(child, (line) => {
                const [word, id, seq] = line.split(' ');
                if (word === 'ack')
                    acks.set(id, { seq: Number(seq) });
                else if (word === 'fail')
                    noteFailure(line);
            });
        }
    };
    const killer = (async () => {
        while (!stopping) {
            // In slices, so the end of the run is not held up by a long wait.
            const until = Date.now() + options.killEveryMs * (0.5 + options.random());
            while (!stopping && Date.now() < until)
                await sleep(Math.min(200, until - Date.now()));
            const victims = [...running];
            if (stopping || victims.length === 0)
                continue;
            const victim = victims[Math.floor(options.random() * victims.length)];
            if (victim.kill('SIGKILL'))
                kills++;
        }
    })();
    const loops = [
        ...Array.from({ length: options.cliWriters }, (_, i) => cliLoop(i)),
        ...Array.from({ length: options.apiWriters }, (_, i) => apiLoop(i)),
    ];
    await sleep(options.durationMs);
    stopping = true;
    for (const child of running)
        child.kill('SIGKILL');
    await Promise.all([...loops, killer]);
    return checkStore(options.store, acks, kills, failures);
}
async function checkStore(store, acks, kills, failures) {
    const engine = await (0, openStore_1.openStore)(store, { threads: 1, noCache: true });
    try {
        const bySeq = new Map();
        const stored = new Map();
        for await (const event of engine.storage.query({})) {
            const seq = event.metadata.sequence_number;
            bySeq.set(seq, (bySeq.get(seq) ?? 0) + 1);
            const seen = stored.get(event.metadata.event_id) ?? [];
            seen.push(seq);
            stored.set(event.metadata.event_id, seen);
        }
        const duplicatedSequences = [...bySeq].filter(([, count]) => count > 1).map(([seq]) => seq);
        const lost = [...acks]
            .filter(([id, ack]) => {
            const seen = stored.get(id);
            return !seen || seen.length !== 1 || seen[0] !== ack.seq;
        })
            .map(([id]) => id);
        const highest = Math.max(0, ...bySeq.keys());
        const gaps = [];
        for (let seq = 1; seq <= highest; seq++)
            if (!bySeq.has(seq))
                gaps.push(seq);
        return {
            acknowledged: acks.size,
            kills,
            stored: engine.index.eventCount,
            duplicatedSequences,
            lost,
            gaps,
            sequenceMode: engine.index.sequenceMode,
            failures,
        };
    }
    finally {
        await engine.close();
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
//# sourceMappingURL=concurrentWriters.js.map