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
exports.CHROMIUM_PATH = void 0;
exports.repoRoot = repoRoot;
exports.launchChromium = launchChromium;
exports.waitUntil = waitUntil;
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
/** The repository root: the folder above this file's that holds test/e2e (the compiled file lives under out/). */
function repoRoot() {
    for (let dir = __dirname;; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, 'test', 'e2e', 'package.json')))
            return dir;
        if (path.dirname(dir) === dir)
            return process.cwd();
    }
}
exports.CHROMIUM_PATH = '/usr/bin/chromium';
/** Debian's chromium, headless, with the arguments of docs/real-vscode-testing.md ("Driving the UI"). */
async function launchChromium() {
    const modulePath = path.join(repoRoot(), 'test', 'e2e', 'node_modules', 'playwright-core');
    if (!fs.existsSync(modulePath))
        throw new Error(`playwright-core is missing at ${modulePath}: run node test/e2e/setup.js --no-compile`);
    if (!fs.existsSync(exports.CHROMIUM_PATH))
        throw new Error(`chromium is missing at ${exports.CHROMIUM_PATH}: apt-get install chromium`);
    // A require by absolute path: the package is outside the root's node_modules.
    const { chromium } = require(modulePath);
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-webview-'));
    return chromium.launch({
        executablePath: exports.CHROMIUM_PATH,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
        env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache'), TMPDIR: home },
    });
}
/**
 * Waits until an in-page expression is truthy. Not page.waitForFunction: it
 * evaluates a string predicate with eval inside the page, which the page's
 * CSP (rightly) forbids; page.evaluate goes through the debugger protocol.
 */
async function waitUntil(page, expression, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        if (await page.evaluate(`!!(${expression})`))
            return;
        if (Date.now() > deadline)
            throw new Error(`timed out after ${timeoutMs} ms waiting for: ${expression}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
}
//# sourceMappingURL=playwright.js.map