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
exports.natsUnavailable = natsUnavailable;
exports.startNats = startNats;
exports.startNatsCluster = startNatsCluster;
// A real nats-server with JetStream for the tests (Debian's package, which
// .ci/run installs), as its own process on a free 127.0.0.1 port with its
// storage in a fresh temp folder, stopped by its pid.
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const net = __importStar(require("node:net"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const freePort_1 = require("./freePort");
const NATS_SERVER = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((file) => fs.existsSync(file));
/** Why NATS tests cannot run here, or null when they can. */
function natsUnavailable() {
    return NATS_SERVER ? null : 'nats-server is not installed (apt-get install nats-server; .ci/run does)';
}
async function startNats() {
    if (!NATS_SERVER)
        throw new Error(natsUnavailable() ?? 'nats-server is not installed');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-nats-'));
    const port = await (0, freePort_1.freePort)();
    const child = (0, node_child_process_1.spawn)(NATS_SERVER, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr?.on('data', (chunk) => {
        log = (log + chunk.toString('utf8')).slice(-4_000);
    });
    const exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + 15_000;
    while (!(await accepts(port))) {
        if (child.exitCode !== null || Date.now() > deadline) {
            child.kill('SIGKILL');
            fs.rmSync(dir, { recursive: true, force: true });
            throw new Error(`nats-server did not start on 127.0.0.1:${port}: ${log}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return {
        url: `nats://127.0.0.1:${port}`,
        port,
        pid: child.pid ?? -1,
        async stop() {
            if (child.exitCode === null) {
                child.kill('SIGTERM');
                const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
                await exited;
                clearTimeout(timer);
            }
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}
function accepts(port) {
    return new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.once('connect', () => {
            socket.destroy();
            resolve(true);
        });
        socket.once('error', () => resolve(false));
    });
}
/**
 * Three JetStream servers on 127.0.0.1 (client and route ports from the OS),
 * routed to each other as one cluster, each with its own store folder: three
 * processes on one host and one disk, which shows replication and failover,
 * not capacity.
 */
async function startNatsCluster() {
    if (!NATS_SERVER)
        throw new Error(natsUnavailable() ?? 'nats-server is not installed');
    const server = NATS_SERVER;
    const ports = await Promise.all([0, 1, 2].map(async () => ({ client: await (0, freePort_1.freePort)(), route: await (0, freePort_1.freePort)() })));
    const routes = ports.map((p) => `nats://127.0.0.1:${p.route}`).join(',');
    const dirs = [];
    const children = [];
    const nodes = ports.map((p, i) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `eventbus-nats-n${i + 1}-`));
        dirs.push(dir);
        const child = (0, node_child_process_1.spawn)(server, ['-js', '-a', '127.0.0.1', '-p', String(p.client), '-sd', dir, '-n', `n${i + 1}`, '--cluster_name', 'eventbus', '--cluster', `nats://127.0.0.1:${p.route}`, '--routes', routes], { stdio: 'ignore' });
        children.push(child);
        const exited = new Promise((resolve) => child.once('exit', () => resolve()));
        return {
            name: `n${i + 1}`,
            url: `nats://127.0.0.1:${p.client}`,
            pid: child.pid ?? -1,
            async kill() {
                if (child.exitCode === null && child.signalCode === null) {
                    child.kill('SIGKILL');
                    await exited;
                }
            },
        };
    });
    const deadline = Date.now() + 20_000;
    for (const p of ports) {
        while (!(await accepts(p.client))) {
            if (Date.now() > deadline)
                throw new Error('the NATS cluster did not start');
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
    }
    return {
        nodes,
        async stop() {
            for (const node of nodes)
                await node.kill();
            for (const dir of dirs)
                fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}
//# sourceMappingURL=natsServer.js.map