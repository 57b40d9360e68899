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
exports.CSP_PROBE_PATH = void 0;
exports.withFakeVsCodeApi = withFakeVsCodeApi;
exports.startWebviewTestServer = startWebviewTestServer;
exports.openWebview = openWebview;
const node_crypto_1 = require("node:crypto");
const fs = __importStar(require("node:fs"));
const http = __importStar(require("node:http"));
const path = __importStar(require("node:path"));
const webviewProtocol_1 = require("../../src/shared/webviewProtocol");
const playwright_1 = require("./playwright");
/**
 * Inserts the fake VS Code API first thing in <head>, before the page's CSP,
 * as VS Code injects its own (a policy in a <meta> governs only what comes
 * after it).
 */
function withFakeVsCodeApi(html, nonce, savedState) {
    // JSON in a script: `<` escaped so a state holding "</script>" cannot end the element.
    const state = JSON.stringify(savedState ?? null).replace(/</g, '\\u003c');
    const fake = `<script nonce="${nonce}">
(() => {
  let state = ${state};
  window.__setStates = [];
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => window.__toHost(message),
    getState: () => state,
    setState: (next) => { state = next; window.__setStates.push(next); },
  });
})();
</script>
`;
    const at = html.indexOf('<head>');
    if (at < 0 || !html.includes('<script nonce='))
        throw new Error("the page's HTML has no <head> or no nonce'd script");
    const after = at + '<head>'.length;
    return `${html.slice(0, after)}\n${fake}${html.slice(after)}`;
}
exports.CSP_PROBE_PATH = '/media/csp-probe.js';
/** Marks that it ran, then tries what the policy forbids even to an admitted script (string code). */
const CSP_PROBE_SCRIPT = `window.__control = 'ran';
try { new Function("window.__pwned = 'function'")(); } catch (e) { window.__evalBlocked = e.name; }
setTimeout("window.__pwned = 'timer string'", 0);
`;
/** Serves the page `name` (media/<name>.js and .css) with the HTML `build` makes. */
async function startWebviewTestServer(name, build) {
    const media = path.join((0, playwright_1.repoRoot)(), 'media');
    if (!fs.existsSync(path.join(media, `${name}.js`)))
        throw new Error(`${media}/${name}.js is not built: run node esbuild.js`);
    const served = [];
    let page = { nonce: '', savedState: undefined };
    let origin = '';
    const asset = new RegExp(`^/media/(${name}\\.(js|css))$`);
    const server = http.createServer((request, response) => {
        const url = request.url ?? '/';
        served.push(url);
        if (url === '/') {
            const html = build({ nonce: page.nonce, cspSource: origin, scriptUri: `${origin}/media/${name}.js`, styleUri: `${origin}/media/${name}.css` });
            response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            response.end(withFakeVsCodeApi(html, page.nonce, page.savedState));
            return;
        }
        const match = asset.exec(url);
        if (match) {
            response.writeHead(200, { 'content-type': match[2] === 'js' ? 'text/javascript' : 'text/css' });
            response.end(fs.readFileSync(path.join(media, match[1])));
            return;
        }
        // A script served from the page's own media origin, for CSP tests: the one kind of script the policy admits.
        if (url === exports.CSP_PROBE_PATH) {
            response.writeHead(200, { 'content-type': 'text/javascript' });
            response.end(CSP_PROBE_SCRIPT);
            return;
        }
        // The browser asks for a favicon on its own; answer it with nothing rather than a 404 the page did not cause.
        if (url === '/favicon.ico')
            response.writeHead(204).end();
        else
            response.writeHead(404).end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    return {
        origin,
        served,
        setPage: (next) => {
            page = { nonce: next.nonce, savedState: next.savedState };
        },
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
/** Opens the served page in a fresh browser context with a fake host answering it. */
async function openWebview(browser, server, host) {
    const context = await browser.newContext();
    const page = (await context.newPage());
    await host.prepare?.(page);
    const nonce = (0, node_crypto_1.randomBytes)(16).toString('base64');
    const fromPage = [];
    const requests = [];
    const errors = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
        if (message.type() === 'error')
            errors.push(message.text());
    });
    const post = async (message) => {
        await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
    };
    await page.exposeFunction('__toHost', async (message) => {
        fromPage.push(message);
        if (webviewProtocol_1.ReadyCommand.is(message)) {
            await post(host.onReady);
            return;
        }
        const reply = await host.answer(message);
        if (reply)
            await post(reply);
    });
    server.setPage({ nonce, savedState: host.savedState });
    await page.goto(`${server.origin}/`);
    return {
        page,
        nonce,
        fromPage,
        requests,
        errors,
        post,
        lastSavedState: async () => page.evaluate('window.__setStates[window.__setStates.length - 1]'),
        close: () => context.close(),
    };
}
//# sourceMappingURL=webviewTestHost.js.map