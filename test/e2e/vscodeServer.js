// A real VS Code (code-server 4.100.3, VS Code 1.100.3) on 127.0.0.1 for the
// end-to-end tests. Every start gets throwaway HOME/XDG/TMPDIR folders under
// the caller's run folder (code-server writes there on every call, even
// --version), runs in its own process group and is stopped by killing that
// group: the server forks an extension host, a file watcher and tsserver that
// outlive the browser by minutes otherwise.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const e2eDir = __dirname;
const codeServerEntry = path.join(e2eDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** User settings that keep the workbench quiet and offline. */
const QUIET_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'git.enabled': false,
};

/** Process groups still running, killed when this process ends however it ends. */
const liveGroups = new Set();
let exitHooksInstalled = false;

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.setTimeout(2000, () => request.destroy());
  });
}

/** The throwaway environment every code-server call and the browser get. */
function isolatedEnv(runDir) {
  const dirs = {
    HOME: path.join(runDir, 'home'),
    XDG_CONFIG_HOME: path.join(runDir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg', 'cache'),
    TMPDIR: path.join(runDir, 'tmp'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  return { ...process.env, ...dirs, EXTENSIONS_GALLERY: '{}' };
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts code-server on a free loopback port with `workspace` as its folder
 * and resolves once /healthz answers. Options:
 *   runDir          a folder of this run (created; the server's state goes under it)
 *   workspace       the folder to open
 *   userSettings    merged over QUIET_USER_SETTINGS
 *   trustWorkspace  false keeps workspace trust on (for restricted-mode tests)
 *   startTimeoutMs  how long to wait for /healthz (default 30 s)
 * Returns { url, port, pid, env, logFile, userDataDir, extensionsDir, workbenchUrl(payload), stop() }.
 */
async function startVsCodeServer({ runDir, workspace, userSettings = {}, trustWorkspace = true, startTimeoutMs = 30_000 }) {
  if (!fs.existsSync(codeServerEntry)) throw new Error(`${codeServerEntry} not found: run \`node test/e2e/setup.js\` first`);
  fs.mkdirSync(runDir, { recursive: true });
  const env = isolatedEnv(runDir);
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    `${JSON.stringify({ ...QUIET_USER_SETTINGS, ...userSettings }, null, 2)}\n`,
  );

  const port = await freePort();
  const args = [
    codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--ignore-last-opened',
    ...(trustWorkspace ? ['--disable-workspace-trust'] : []),
    workspace,
  ];
  const logFile = path.join(runDir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  installExitHooks();
  const child = spawn(process.execPath, args, { cwd: runDir, env, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  const pgid = child.pid;
  liveGroups.add(pgid);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const stop = async () => {
    if (!liveGroups.has(pgid)) return;
    killGroup(pgid, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && killGroup(pgid, 0)) await new Promise((r) => setTimeout(r, 100));
    killGroup(pgid, 'SIGKILL');
    liveGroups.delete(pgid);
  };

  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  try {
    for (;;) {
      if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal}) before answering; ${logFile}:\n${tail(logFile)}`);
      if ((await httpStatus(`${url}/healthz`)) === 200) break;
      if (Date.now() - started > startTimeoutMs) throw new Error(`code-server did not answer ${url}/healthz within ${startTimeoutMs / 1000} s; ${logFile}:\n${tail(logFile)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  } catch (error) {
    await stop();
    throw error;
  }

  /** The workbench URL for the workspace, with a `payload` (array of [name, value] pairs). */
  const workbenchUrl = (payload = []) => {
    // A .code-workspace file opens as a multi-root workspace; anything else is a folder.
    const query = new URLSearchParams(workspace.endsWith('.code-workspace') ? { workspace } : { folder: workspace });
    if (payload.length > 0) query.set('payload', JSON.stringify(payload));
    return `${url}/?${query.toString()}`;
  };

  return { url, port, pid: pgid, env, logFile, userDataDir, extensionsDir, workbenchUrl, stop, startMs: Date.now() - started };
}

module.exports = { startVsCodeServer, isolatedEnv, QUIET_USER_SETTINGS, codeServerEntry };
