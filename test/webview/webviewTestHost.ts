import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ReadyCommand, type HostToWebviewMessage } from '../../src/shared/webviewProtocol';
import { repoRoot, type Browser, type Page } from './playwright';

/**
 * A stand-in for the extension host, for a built webview page in a real
 * browser: the page's HTML comes from the extension's own builder, served
 * with its built media/<name>.{js,css} from 127.0.0.1, plus a fake
 * `acquireVsCodeApi` in a script under the page's nonce. Messages the page
 * posts reach Node through an exposed function and are answered by the
 * host's own request handler, as the panel does.
 */

export interface PageAssets {
  readonly nonce: string;
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

export interface WebviewTestServer {
  readonly origin: string;
  /** Every path the server was asked for, in order. */
  readonly served: string[];
  /** The page for the next load: its nonce and the state getState() returns. */
  setPage(page: { nonce: string; savedState: unknown }): void;
  close(): Promise<void>;
}

/**
 * Inserts the fake VS Code API first thing in <head>, before the page's CSP,
 * as VS Code injects its own (a policy in a <meta> governs only what comes
 * after it).
 */
export function withFakeVsCodeApi(html: string, nonce: string, savedState: unknown): string {
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
  if (at < 0 || !html.includes('<script nonce=')) throw new Error("the page's HTML has no <head> or no nonce'd script");
  const after = at + '<head>'.length;
  return `${html.slice(0, after)}\n${fake}${html.slice(after)}`;
}

export const CSP_PROBE_PATH = '/media/csp-probe.js';
/** Marks that it ran, then tries what the policy forbids even to an admitted script (string code). */
const CSP_PROBE_SCRIPT = `window.__control = 'ran';
try { new Function("window.__pwned = 'function'")(); } catch (e) { window.__evalBlocked = e.name; }
setTimeout("window.__pwned = 'timer string'", 0);
`;

/** Serves the page `name` (media/<name>.js and .css) with the HTML `build` makes. */
export async function startWebviewTestServer(name: string, build: (assets: PageAssets) => string): Promise<WebviewTestServer> {
  const media = path.join(repoRoot(), 'media');
  if (!fs.existsSync(path.join(media, `${name}.js`))) throw new Error(`${media}/${name}.js is not built: run node esbuild.js`);
  const served: string[] = [];
  let page = { nonce: '', savedState: undefined as unknown };
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
    if (url === CSP_PROBE_PATH) {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(CSP_PROBE_SCRIPT);
      return;
    }
    // The browser asks for a favicon on its own; answer it with nothing rather than a 404 the page did not cause.
    if (url === '/favicon.ico') response.writeHead(204).end();
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    served,
    setPage: (next) => {
      page = { nonce: next.nonce, savedState: next.savedState };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface OpenedWebview<P extends Page = Page> {
  readonly page: P;
  readonly nonce: string;
  /** Every message the page posted, in order. */
  readonly fromPage: unknown[];
  /** Every URL the page requested. */
  readonly requests: string[];
  readonly errors: string[];
  /** Posts a message into the page as the host would. */
  post(message: HostToWebviewMessage): Promise<void>;
  /** The state the page last saved with setState. */
  lastSavedState(): Promise<unknown>;
  close(): Promise<void>;
}

export interface HostBehaviour<P extends Page> {
  /** What the host posts once the page says ready. */
  readonly onReady: HostToWebviewMessage;
  /** The host's answer to any other message (undefined: no reply). */
  answer(message: unknown): Promise<HostToWebviewMessage | undefined>;
  readonly savedState?: unknown;
  /** Set up the fresh page before it loads (viewport…). */
  prepare?(page: P): Promise<void>;
}

/** Opens the served page in a fresh browser context with a fake host answering it. */
export async function openWebview<P extends Page = Page>(browser: Browser, server: WebviewTestServer, host: HostBehaviour<P>): Promise<OpenedWebview<P>> {
  const context = await browser.newContext();
  const page = (await context.newPage()) as P;
  await host.prepare?.(page);
  const nonce = randomBytes(16).toString('base64');
  const fromPage: unknown[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const post = async (message: HostToWebviewMessage): Promise<void> => {
    await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
  };
  await page.exposeFunction('__toHost', async (message: unknown) => {
    fromPage.push(message);
    if (ReadyCommand.is(message)) {
      await post(host.onReady);
      return;
    }
    const reply = await host.answer(message);
    if (reply) await post(reply);
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
