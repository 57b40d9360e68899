import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { answerTimelineRequest, type ServerRequests } from '../../src/extension/timeline/timelineAnswers';
import { buildTimelineHtml } from '../../src/extension/timeline/timelineHtml';
import { StoreInfoNotification, type StoreInfo } from '../../src/shared/timelineProtocol';
import { ReadyCommand, type HostToWebviewMessage } from '../../src/shared/webviewProtocol';
import { repoRoot, type Browser, type Page } from './playwright';

/**
 * A stand-in for the extension host for the built timeline page (the
 * inspector's test host serves only the inspector): the HTML comes from the
 * extension's own builder, media/timeline.{js,css} are served from
 * 127.0.0.1, a fake `acquireVsCodeApi` goes in under the page's nonce, and
 * the page's requests are answered by the host's own answerTimelineRequest
 * over `server` (a fixture, or the real language server in the bench).
 */

/** What these tests need of playwright's page beyond the shared slice (real input through CDP). */
export interface InputPage extends Page {
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
    wheel(deltaX: number, deltaY: number): Promise<void>;
    click(x: number, y: number, options?: { clickCount?: number }): Promise<void>;
    dblclick(x: number, y: number): Promise<void>;
  };
  keyboard: { press(key: string): Promise<void> };
  setViewportSize(size: { width: number; height: number }): Promise<void>;
}

export interface TimelineTestServer {
  readonly origin: string;
  readonly served: string[];
  setPage(page: { nonce: string; savedState: unknown }): void;
  close(): Promise<void>;
}

export function timelineTestHtml(origin: string, nonce: string, savedState: unknown): string {
  const html = buildTimelineHtml({ nonce, cspSource: origin, scriptUri: `${origin}/media/timeline.js`, styleUri: `${origin}/media/timeline.css` });
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
  if (at < 0) throw new Error("the timeline HTML has no nonce'd script to inject before");
  return html.slice(0, at) + fake + html.slice(at);
}

export async function startTimelineServer(): Promise<TimelineTestServer> {
  const media = path.join(repoRoot(), 'media');
  if (!fs.existsSync(path.join(media, 'timeline.js'))) throw new Error(`${media}/timeline.js is not built: run node esbuild.js`);
  const served: string[] = [];
  let page = { nonce: '', savedState: undefined as unknown };
  let origin = '';
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    served.push(url);
    if (url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(timelineTestHtml(origin, page.nonce, page.savedState));
      return;
    }
    const match = /^\/media\/(timeline\.(js|css))$/.exec(url);
    if (match) {
      response.writeHead(200, { 'content-type': match[2] === 'js' ? 'text/javascript' : 'text/css' });
      response.end(fs.readFileSync(path.join(media, match[1])));
      return;
    }
    if (url === '/favicon.ico') response.writeHead(204).end();
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    served,
    setPage: (next) => (page = { nonce: next.nonce, savedState: next.savedState }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface OpenedTimeline {
  readonly page: InputPage;
  readonly nonce: string;
  readonly fromPage: unknown[];
  readonly requests: string[];
  readonly errors: string[];
  post(message: HostToWebviewMessage): Promise<void>;
  lastSavedState(): Promise<unknown>;
  close(): Promise<void>;
}

export async function openTimeline(
  browser: Browser,
  server: TimelineTestServer,
  options: { backend: ServerRequests; store?: StoreInfo; savedState?: unknown; viewport?: { width: number; height: number } },
): Promise<OpenedTimeline> {
  const context = await browser.newContext();
  const page = (await context.newPage()) as InputPage;
  await page.setViewportSize(options.viewport ?? { width: 1000, height: 600 });
  const nonce = randomBytes(16).toString('hex');
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
      await post(StoreInfoNotification.create(options.store ?? { label: 'fixture', eventCount: 0 }));
      return;
    }
    const reply = await answerTimelineRequest(message, options.backend, undefined);
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
