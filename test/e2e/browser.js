// Debian's chromium through playwright-core, as the end-to-end runners start
// it: headless, a throwaway profile, the server's isolated environment.
'use strict';
const path = require('node:path');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** `vscode-remote://remote/<abs path>`: how a workbench URL's payload names a path on the server. */
function remoteUri(absPath) {
  return `vscode-remote://remote${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** A persistent context (the workbench keeps state in IndexedDB) with a fixed viewport, for readable screenshots. */
async function launchChromium(profileDir, env, viewport = { width: 1280, height: 800 }) {
  const { chromium } = require('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env,
    viewport,
    deviceScaleFactor: 1,
  });
}

module.exports = { CHROMIUM, CHROMIUM_ARGS, remoteUri, launchChromium };
