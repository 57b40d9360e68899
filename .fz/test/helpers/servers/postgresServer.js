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
exports.PASSWORD_ROLE = void 0;
exports.postgresBinDir = postgresBinDir;
exports.postgresUnavailable = postgresUnavailable;
exports.startPostgres = startPostgres;
// A real PostgreSQL server for the tests, as their own process: a fresh data
// folder under the OS temp folder, initdb with trust auth, started on a free
// 127.0.0.1 port with its socket in that folder, stopped by its pid. Debian's
// PostgreSQL refuses to run as root, so as root the folder is handed to the
// `postgres` user and the binaries run through runuser.
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const freePort_1 = require("./freePort");
/** The role whose logins need a password (all others are trusted): see startPostgres. */
exports.PASSWORD_ROLE = 'eventbus_password_user';
/** The bin folder of the newest PostgreSQL installed from Debian's packages, or null. */
function postgresBinDir() {
    const base = '/usr/lib/postgresql';
    if (!fs.existsSync(base))
        return null;
    const versions = fs
        .readdirSync(base)
        .filter((name) => /^\d+$/.test(name) && fs.existsSync(path.join(base, name, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a));
    return versions.length > 0 ? path.join(base, versions[0], 'bin') : null;
}
/** Why PostgreSQL tests cannot run here, or null when they can. */
function postgresUnavailable() {
    return postgresBinDir() === null ? 'PostgreSQL is not installed (apt-get install postgresql; .ci/run does)' : null;
}
function asPostgresUser() {
    return typeof process.getuid === 'function' && process.getuid() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
}
function run(command, what) {
    const [file, ...args] = command;
    const result = (0, node_child_process_1.spawnSync)(file, args, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0)
        throw new Error(`${what} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
    return result.stdout;
}
async function startPostgres() {
    const bin = postgresBinDir();
    if (!bin)
        throw new Error(postgresUnavailable() ?? 'PostgreSQL is not installed');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-pg-'));
    const sudo = asPostgresUser();
    if (sudo.length > 0)
        (0, node_child_process_1.execFileSync)('chown', ['postgres:postgres', dataDir]);
    run([...sudo, path.join(bin, 'initdb'), '-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C'], 'initdb');
    // One role must give a password (scram), so the tests can check what a refused one looks like;
    // pg_hba.conf takes the first matching line, so it goes first.
    const hba = path.join(dataDir, 'pg_hba.conf');
    fs.writeFileSync(hba, `host all ${exports.PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n${fs.readFileSync(hba, 'utf8')}`);
    return launch(bin, dataDir, await (0, freePort_1.freePort)());
}
/** Starts the server in `dataDir` on `port` and returns its handle. */
function launch(bin, dataDir, port) {
    const sudo = asPostgresUser();
    const start = () => {
        run([...sudo, path.join(bin, 'pg_ctl'), '-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start'], 'pg_ctl start');
        return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    };
    let pid = start();
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let stopped = false;
    const psql = (sql, database = 'postgres') => run(['psql', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-c', sql], `psql ${sql.slice(0, 60)}`);
    const kill = () => {
        try {
            process.kill(pid, 'SIGQUIT'); // immediate shutdown: the postmaster stops its children
        }
        catch {
            // already gone
        }
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline && isAlive(pid))
            (0, node_child_process_1.spawnSync)('sleep', ['0.05']);
        if (isAlive(pid))
            process.kill(pid, 'SIGKILL');
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
            if (stopped)
                return;
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
            if (sudo.length > 0)
                (0, node_child_process_1.execFileSync)('chown', ['postgres:postgres', replicaDir]);
            fs.chmodSync(replicaDir, 0o700);
            run([...sudo, path.join(bin, 'pg_basebackup'), '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast'], 'pg_basebackup');
            return launch(bin, replicaDir, await (0, freePort_1.freePort)());
        },
    };
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=postgresServer.js.map