import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { InspectorBackend } from '../../src/extension/inspector/inspectorBackend';
import { inspectorHtml } from '../../src/extension/inspector/inspectorHtml';
import { answerRequest } from '../../src/extension/inspector/inspectorRequests';
import { ReadyCommand, SubjectNotification, type HostToWebviewMessage, type SubjectParams } from '../../src/shared/webviewProtocol';
import type { Browser, Page } from './playwright';
import { repoRoot } from './playwright';

/**
 * A stand-in for the extension host, for the built inspector page in a real
 * browser: the page's HTML comes from the extension's own builder
 * (inspectorHtml), served with the built media/ files from 127.0.0.1, plus
 * a fake `acquireVsCodeApi` in a nonce'd script. Messages the page posts
 * reach Node through an exposed function and are answered by the host's own
 * request handler (answerRequest) over a fixture backend.
 */

export interface TestServer {
  readonly origin: string;
  /** Every path the server was asked for, in order. */
  readonly served: string[];
  /** The page for the next load: its nonce and the state getState() returns. */
  setPage(page: { nonce: string; savedState: unknown }): void;
  close(): Promise<void>;
}

const MEDIA_TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript', '.css': 'text/css' };

/** Inserts the fake VS Code API right before the page's own script, under the same nonce. */
export function inspectorTestHtml(origin: string, nonce: string, savedState: unknown): string {
  const html = inspectorHtml({ nonce, cspSource: origin, scriptUri: `${origin}/media/inspector.js`, styleUri: `${origin}/media/inspector.css` });
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
  const at = html.indexOf('<script nonce=');
  if (at < 0) throw new Error('the inspector HTML has no nonce\'d script to inject before');
  return html.slice(0, at) + fake + html.slice(at);
}

export async function startTestServer(): Promise<TestServer> {
  const media = path.join(repoRoot(), 'media');
  if (!fs.existsSync(path.join(media, 'inspector.js'))) throw new Error(`${media}/inspector.js is not built: run node esbuild.js`);
  const served: string[] = [];
  let page = { nonce: '', savedState: undefined as unknown };
  let origin = '';
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    served.push(url);
    if (url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(inspectorTestHtml(origin, page.nonce, page.savedState));
      return;
    }
    const match = /^\/media\/(inspector\.(?:js|css))$/.exec(url);
    if (match) {
      response.writeHead(200, { 'content-type': MEDIA_TYPES[path.extname(match[1])] });
      response.end(fs.readFileSync(path.join(media, match[1])));
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

export interface OpenedInspector {
  readonly page: Page;
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

/**
 * Opens the inspector page with a fake host: on `ready` it names the
 * subject, and it answers requests with `backend`, as InspectorPanel does.
 */
export async function openInspector(
  browser: Browser,
  server: TestServer,
  options: { backend: InspectorBackend; subject: SubjectParams; savedState?: unknown },
): Promise<OpenedInspector> {
  const context = await browser.newContext();
  const page = await context.newPage();
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
      await post(SubjectNotification.create(options.subject));
      return;
    }
    const reply = await answerRequest(message, options.backend);
    if (reply) await post(reply);
  });
  server.setPage({ nonce, savedState: options.savedState });
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
