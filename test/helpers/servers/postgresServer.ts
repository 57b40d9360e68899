// A real PostgreSQL server for the tests, as their own process: a fresh data
// folder under the OS temp folder, initdb with trust auth, started on a free
// 127.0.0.1 port with its socket in that folder, stopped by its pid. Debian's
// PostgreSQL refuses to run as root, so as root the folder is handed to the
// `postgres` user and the binaries run through runuser.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from './freePort';

/** The role whose logins need a password (all others are trusted): see startPostgres. */
export const PASSWORD_ROLE = 'eventbus_password_user';

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust auth: no password). */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** The postmaster's process id. */
  readonly pid: number;
  /** A new database on this server; returns its URL. */
  createDatabase(name: string): string;
  /** Runs SQL as the superuser through psql (for set-up only). */
  psql(sql: string, database?: string): string;
  /** Stops the server immediately (by pid) and removes its folder. */
  stop(): void;
  /** Kills the server as a crash would (immediate shutdown by pid, no checkpoint), keeping its data. */
  crash(): void;
  /** Starts a crashed server again on the same port and data (it recovers from its WAL). */
  restart(): void;
  /** A streaming replica of this server (pg_basebackup -R) on its own free port, read-only. */
  startReplica(): Promise<PostgresServer>;
}

/** The bin folder of the newest PostgreSQL installed from Debian's packages, or null. */
export function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((name) => /^\d+$/.test(name) && fs.existsSync(path.join(base, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(base, versions[0], 'bin') : null;
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresUnavailable(): string | null {
  return postgresBinDir() === null ? 'PostgreSQL is not installed (apt-get install postgresql; .ci/run does)' : null;
}

function asPostgresUser(): string[] {
  return typeof process.getuid === 'function' && process.getuid() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
}

function run(command: readonly string[], what: string): string {
  const [file, ...args] = command;
  const result = spawnSync(file, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${what} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(postgresUnavailable() ?? 'PostgreSQL is not installed');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-pg-'));
  const sudo = asPostgresUser();
  if (sudo.length > 0) execFileSync('chown', ['postgres:postgres', dataDir]);
  run([...sudo, path.join(bin, 'initdb'), '-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C'], 'initdb');
  // One role must give a password (scram), so the tests can check what a refused one looks like;
  // pg_hba.conf takes the first matching line, so it goes first.
  const hba = path.join(dataDir, 'pg_hba.conf');
  fs.writeFileSync(hba, `host all ${PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n${fs.readFileSync(hba, 'utf8')}`);
  return launch(bin, dataDir, await freePort());
}

/** Starts the server in `dataDir` on `port` and returns its handle. */
function launch(bin: string, dataDir: string, port: number): PostgresServer {
  const sudo = asPostgresUser();
  const start = () => {
    run(
      [...sudo, path.join(bin, 'pg_ctl'), '-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start'],
      'pg_ctl start',
    );
    return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  };
  let pid = start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const psql = (sql: string, database = 'postgres'): string =>
    run(['psql', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-c', sql], `psql ${sql.slice(0, 60)}`);
  const kill = () => {
    try {
      process.kill(pid, 'SIGQUIT'); // immediate shutdown: the postmaster stops its children
    } catch {
      // already gone
    }
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && isAlive(pid)) spawnSync('sleep', ['0.05']);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  };
  return {
    url,
    port,
    dataDir,
    get pid() {
      return pid;
    },
    createDatabase(name) {
      psql(`CREATE DATABASE "${name}"`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    psql,
    stop() {
      if (stopped) return;
      stopped = true;
      kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    crash: kill,
    restart() {
      pid = start();
    },
    async startReplica() {
      const replicaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-pg-replica-'));
      if (sudo.length > 0) execFileSync('chown', ['postgres:postgres', replicaDir]);
      fs.chmodSync(replicaDir, 0o700);
      run([...sudo, path.join(bin, 'pg_basebackup'), '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast'], 'pg_basebackup');
      return launch(bin, replicaDir, await freePort());
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
