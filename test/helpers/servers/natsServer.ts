// A real nats-server with JetStream for the tests (Debian's package, which
// .ci/run installs), as its own process on a free 127.0.0.1 port with its
// storage in a fresh temp folder, stopped by its pid.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from './freePort';

const NATS_SERVER = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((file) => fs.existsSync(file));

export interface NatsServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Why NATS tests cannot run here, or null when they can. */
export function natsUnavailable(): string | null {
  return NATS_SERVER ? null : 'nats-server is not installed (apt-get install nats-server; .ci/run does)';
}

export async function startNats(): Promise<NatsServer> {
  if (!NATS_SERVER) throw new Error(natsUnavailable() ?? 'nats-server is not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-nats-'));
  const port = await freePort();
  const child: ChildProcess = spawn(NATS_SERVER, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
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

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}


export interface NatsClusterNode {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Kills the node as a crash would (SIGKILL by pid). */
  kill(): Promise<void>;
}

export interface NatsCluster {
  readonly nodes: readonly NatsClusterNode[];
  stop(): Promise<void>;
}

/**
 * Three JetStream servers on 127.0.0.1 (client and route ports from the OS),
 * routed to each other as one cluster, each with its own store folder: three
 * processes on one host and one disk, which shows replication and failover,
 * not capacity.
 */
export async function startNatsCluster(): Promise<NatsCluster> {
  if (!NATS_SERVER) throw new Error(natsUnavailable() ?? 'nats-server is not installed');
  const server = NATS_SERVER;
  const ports = await Promise.all([0, 1, 2].map(async () => ({ client: await freePort(), route: await freePort() })));
  const routes = ports.map((p) => `nats://127.0.0.1:${p.route}`).join(',');
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const nodes = ports.map((p, i): NatsClusterNode => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `eventbus-nats-n${i + 1}-`));
    dirs.push(dir);
    const child = spawn(server, ['-js', '-a', '127.0.0.1', '-p', String(p.client), '-sd', dir, '-n', `n${i + 1}`, '--cluster_name', 'eventbus', '--cluster', `nats://127.0.0.1:${p.route}`, '--routes', routes], { stdio: 'ignore' });
    children.push(child);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
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
      if (Date.now() > deadline) throw new Error('the NATS cluster did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    nodes,
    async stop() {
      for (const node of nodes) await node.kill();
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
