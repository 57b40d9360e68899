#!/usr/bin/env node
// Installs what the end-to-end tests need and compiles their suite. Safe to
// run again: each step is skipped when its result is already there, so a
// repeat costs about the suite's compile.
//
//   1. Debian packages: chromium (the browser), libkrb5-dev (code-server's
//      `kerberos` module compiles against gssapi.h), ripgrep (see 2).
//   2. @vscode/ripgrep's postinstall downloads rg from a host these machines
//      cannot reach unless its cache already holds the archive: seed that
//      cache from Debian's rg.
//   3. `npm ci` in test/e2e (code-server 4.100.3, playwright-core, mocha): a
//      package of its own so code-server's Node-20-only postinstall never
//      touches the extension's dependencies.
//   4. tsc -p test/e2e/tsconfig.json -> test/e2e/out.
//
// Usage: node test/e2e/setup.js [--no-compile]
'use strict';
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const e2eDir = __dirname;
const root = path.resolve(e2eDir, '..', '..');
const installStamp = path.join(e2eDir, 'node_modules', '.eventbus-e2e-installed');

// The @vscode/ripgrep that code-server 4.100.3 pins, and the rg release its
// postinstall looks for in the cache (lib/postinstall.js of that package).
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

function log(message) {
  console.log(`[e2e setup] ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function timed(label, step) {
  const started = Date.now();
  const outcome = step();
  if (outcome !== 'skipped') log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return outcome;
}

function hashOf(...files) {
  const hash = crypto.createHash('sha256');
  for (const file of files) if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
  return hash.digest('hex');
}

function dependenciesInstalled() {
  const wanted = hashOf(path.join(e2eDir, 'package.json'), path.join(e2eDir, 'package-lock.json'));
  return fs.existsSync(installStamp) && fs.readFileSync(installStamp, 'utf8').trim() === wanted;
}

/** Debian packages still missing, each found by a file it installs. */
function missingAptPackages(needInstallTools) {
  const wanted = [{ pkg: 'chromium', file: '/usr/bin/chromium' }];
  if (needInstallTools) {
    wanted.push({ pkg: 'libkrb5-dev', file: '/usr/include/gssapi/gssapi.h' });
    wanted.push({ pkg: 'ripgrep', file: '/usr/bin/rg' });
  }
  return wanted.filter((w) => !fs.existsSync(w.file)).map((w) => w.pkg);
}

function installAptPackages(packages) {
  if (packages.length === 0) return 'skipped';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`missing Debian packages ${packages.join(', ')}; install them as root: apt-get install -y --no-install-recommends ${packages.join(' ')}`);
  }
  log(`installing Debian packages: ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
  return 'done';
}

function seedRipgrepCache() {
  const target = RIPGREP_TARGETS[process.arch];
  if (process.platform !== 'linux' || !target) {
    log(`no ripgrep cache seed for ${process.platform}/${process.arch}; @vscode/ripgrep will try to download`);
    return 'skipped';
  }
  const cacheDir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const archive = path.join(cacheDir, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
  if (fs.existsSync(archive)) return 'skipped';
  fs.mkdirSync(cacheDir, { recursive: true });
  run('tar', ['czf', archive, '-C', '/usr/bin', 'rg']);
  log(`seeded ${archive} from /usr/bin/rg`);
  return 'done';
}

/**
 * The environment for the nested npm. Variables npm sets for a running
 * script (npm_config_local_prefix, npm_package_*, ...) would point the nested
 * npm at the extension's own package, so none of them are passed on.
 */
function nestedNpmEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  env.npm_config_unsafe_perm = 'true'; // code-server's postinstall refuses root otherwise
  env.npm_config_yes = 'true'; // node-pty's install runs `npx node-gyp`, which npm 11 cancels without it
  env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1'; // Debian's chromium is used
  return env;
}

function installDependencies() {
  if (dependenciesInstalled()) return 'skipped';
  const hasLock = fs.existsSync(path.join(e2eDir, 'package-lock.json'));
  const args = hasLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  log(`npm ${args[0]} in ${path.relative(root, e2eDir)} (code-server builds native modules: about a minute)`);
  run('npm', args, { cwd: e2eDir, env: nestedNpmEnv() });
  fs.writeFileSync(installStamp, `${hashOf(path.join(e2eDir, 'package.json'), path.join(e2eDir, 'package-lock.json'))}\n`);
  return 'done';
}

function compileSuite() {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!fs.existsSync(tsc)) throw new Error(`${tsc} not found: run \`npm ci\` in ${root} first`);
  fs.rmSync(path.join(e2eDir, 'out'), { recursive: true, force: true });
  run(process.execPath, [tsc, '-p', path.join(e2eDir, 'tsconfig.json')], { cwd: root });
  return 'done';
}

function setUp({ compile = true } = {}) {
  const started = Date.now();
  const needInstall = !dependenciesInstalled();
  timed('Debian packages', () => installAptPackages(missingAptPackages(needInstall)));
  if (needInstall) timed('ripgrep cache', seedRipgrepCache);
  timed('npm dependencies', installDependencies);
  if (compile) timed('compile suite', compileSuite);
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

module.exports = { setUp };

if (require.main === module) {
  try {
    setUp({ compile: !process.argv.includes('--no-compile') });
  } catch (error) {
    console.error(`[e2e setup] failed: ${error.message}`);
    process.exit(1);
  }
}
