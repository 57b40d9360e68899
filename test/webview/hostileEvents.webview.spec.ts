import assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { InspectorBackend } from '../../src/extension/inspector/inspectorBackend';
import { webviewCsp, webviewScriptOriginCsp } from '../../src/extension/webviews/webviewShell';
import { INITIAL_TIMELINE_STATE } from '../../src/shared/timelineProtocol';
import type { InspectorStep } from '../../src/shared/webviewProtocol';
import { layoutFor, rowCentre, xOnCanvas } from '../../src/webview/timeline/plotLayout';
import { openInspector, startTestServer as startInspectorServer, type OpenedInspector } from './inspectorHost';
import { launchChromium, waitUntil, type Browser, type Page } from './playwright';
import { binsOf, fixtureBackend, fixtureEvents, T0 } from './timelineFixture';
import { openTimeline, startTimelineServer } from './timelineTestHost';
import { CSP_PROBE_PATH, type WebviewTestServer } from './webviewTestHost';

/**
 * Every event field (ids, types, sources, tags, payload keys and values)
 * holding HTML, script, `javascript:` URLs and CSS-breaking text, shown by
 * both built pages in headless Chromium: all of it must appear as text, none
 * of it may run (a global flag and dialogs stay untouched), and no request
 * may leave the page (a canary TCP server catches any image, font, fetch,
 * WebSocket or CSS url). The CSP is checked as served and by behaviour.
 */

/** A TCP listener every hostile URL points at: any connection (HTTP, WebSocket…) is a leak. */
async function startCanary(): Promise<{ origin: string; hits: () => number; requests: string[]; close: () => Promise<void> }> {
  let hits = 0;
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    hits++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', (chunk: Buffer) => {
      requests.push(chunk.toString('latin1').split('\r\n')[0]);
      socket.end('HTTP/1.1 204 No Content\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    requests,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Markup of every kind an event could carry; each would set window.__pwned, open a dialog or reach the canary if it ever became live. */
function hostileStrings(canary: string): Record<string, string> {
  const url = `http://${canary}`;
  return {
    script: `<script>window.__pwned='script';alert(1)</script>`,
    img: `<img src="${url}/img" onerror="window.__pwned='img'">`,
    svg: `<svg onload="window.__pwned='svg'"><image href="${url}/svg"/></svg>`,
    iframe: `<iframe src="javascript:parent.__pwned='iframe'"></iframe>`,
    link: `<a href="javascript:window.__pwned='link'">click</a>`,
    javascriptUrl: `javascript:window.__pwned='url';alert(1)`,
    styleBreak: `</style><style>body{background:url(${url}/css)}</style>`,
    cssValue: `"; } body { background: url(${url}/cssvalue) } .x { "`,
    cssUrl: `url(${url}/bare)`,
    fontFace: `@font-face{font-family:x;src:url(${url}/font)} @import url(${url}/import);`,
    websocket: `<img src=x onerror="new WebSocket('ws://${canary}/ws');fetch('${url}/fetch')">`,
    meta: `<meta http-equiv="refresh" content="0;url=${url}/refresh">`,
    base: `<base href="${url}/">`,
    object: `<object data="${url}/object"></object><embed src="${url}/embed">`,
    entity: `&lt;b&gt;&amp;&quot;&#39;`,
    template: '${window.__pwned="template"}{{constructor.constructor("window.__pwned=1")()}}',
  };
}

const ALLOWED_TAGS = new Set([
  'HTML', 'HEAD', 'META', 'LINK', 'TITLE', 'BODY', 'MAIN', 'SCRIPT', 'DIV', 'SPAN', 'H1', 'H2', 'H3', 'P', 'PRE', 'OL', 'UL', 'LI', 'TABLE', 'CAPTION',
  'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'BUTTON', 'INPUT', 'FORM', 'LABEL', 'SELECT', 'OPTION', 'NAV', 'SECTION', 'HEADER', 'CANVAS', 'DETAILS', 'SUMMARY',
]);

/** What the page's DOM holds beyond its own kinds of element, event-handler attributes and URLs. */
async function domIntrusions(page: Page): Promise<{ tags: string[]; handlers: string[]; urls: string[]; scripts: number; links: number; metas: number }> {
  return (await page.evaluate(`(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      tags: [...new Set(all.map((e) => e.tagName))],
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => e.tagName + ' ' + a.name)),
      urls: all.flatMap((e) => [...e.attributes].filter((a) => ['href', 'src', 'action', 'formaction', 'data', 'style', 'background', 'srcdoc'].includes(a.name)).map((a) => e.tagName + ' ' + a.name + '=' + a.value)),
      scripts: document.scripts.length,
      links: document.querySelectorAll('link').length,
      metas: document.querySelectorAll('meta').length,
    };
  })()`)) as { tags: string[]; handlers: string[]; urls: string[]; scripts: number; links: number; metas: number };
}

/** In-page listeners for what a hostile value could trigger: dialogs (via CDP) and CSP violations. */
async function watchPage(page: Page): Promise<{ dialogs: string[] }> {
  const dialogs: string[] = [];
  (page as unknown as { on(event: 'dialog', handler: (dialog: { message(): string; dismiss(): Promise<void> }) => void): void }).on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { dialogs };
}

async function assertNothingRanOrLeft(page: Page, opened: { requests: string[] }, own: readonly string[], canary: { hits: () => number }, dialogs: string[]): Promise<void> {
  // Give anything that was going to load or fire a moment to do so.
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(await page.evaluate('window.__pwned'), undefined, 'no hostile script ran');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.equal(canary.hits(), 0, 'no connection reached the canary');
  assert.deepEqual(opened.requests.filter((url) => !own.includes(url)), [], 'no request but the page and its media');
  const dom = await domIntrusions(page);
  assert.deepEqual(dom.tags.filter((tag) => !ALLOWED_TAGS.has(tag)), [], 'no element from event data');
  assert.deepEqual(dom.handlers, []);
  assert.deepEqual(dom.urls.filter((u) => !own.some((o) => u.endsWith(`=${o}`)) && !/^(DIV|CANVAS|SPAN) style=(left|top|width|height|background)/.test(u)), []);
  assert.deepEqual([dom.scripts, dom.links, dom.metas], [2, 1, 4], 'the fake host API and the page script; its stylesheet; charset, the two CSPs and viewport');
}

describe('hostile event data in the webviews (headless Chromium)', () => {
  let browser: Browser;
  let canary: Awaited<ReturnType<typeof startCanary>>;
  let inspectorServer: WebviewTestServer;
  let timelineServer: WebviewTestServer;
  let hostile: Record<string, string>;
  const closers: (() => Promise<void>)[] = [];

  before(async () => {
    canary = await startCanary();
    hostile = hostileStrings(canary.origin);
    inspectorServer = await startInspectorServer();
    timelineServer = await startTimelineServer();
    browser = await launchChromium();
  });

  after(async () => {
    for (const close of closers) await close().catch(() => undefined);
    await browser?.close();
    await inspectorServer?.close();
    await timelineServer?.close();
    await canary?.close();
  });

  it('the inspector shows hostile ids, types, sources, statuses, tags, payload keys and values as text', async () => {
    const values = Object.values(hostile);
    const subject = hostile.img;
    const steps: InspectorStep[] = values.map((text, i) => ({
      ordinal: i,
      sequence: i + 1,
      type: text,
      timestamp: hostile.cssValue,
      eventId: hostile.javascriptUrl + i,
      status: hostile.styleBreak,
      source: hostile.svg,
      retryCount: 0,
      correlationId: hostile.fontFace,
    }));
    // State: every hostile string as a key and as a value, in tags too.
    const stateAt = (sequence: number): Record<string, unknown> => ({
      ...Object.fromEntries(values.slice(0, sequence).map((text, i) => [text, values[(i + 1) % values.length]])),
      tags: { [hostile.script]: hostile.link },
      nested: { [hostile.cssUrl]: [hostile.websocket, { [hostile.base]: hostile.meta }] },
    });
    const backend: InspectorBackend = {
      steps: async ({ offset, limit }) => ({ offset, total: steps.length, steps: steps.slice(offset, offset + limit) }),
      state: async ({ atSequence }) => ({ atSequence, state: stateAt(atSequence), lastSequence: atSequence, eventsApplied: atSequence, fromSnapshot: hostile.object }),
      snapshots: async () => ({ snapshots: [{ sequenceNumber: 2, file: `snapshots/${hostile.iframe}` }] }),
      snapshotDrift: async ({ sequenceNumber, file }) => ({
        sequenceNumber,
        file,
        ok: false,
        differences: values.map((text) => `/${text}: snapshot has ${text}`),
        error: null,
        snapshotState: { [hostile.template]: hostile.entity },
        snapshotStateKnown: true,
      }),
    };
    const inspector: OpenedInspector = await openInspector(browser, inspectorServer, { backend, subject: { aggregateId: subject, store: '/fixture/event_store' } });
    closers.push(() => inspector.close());
    const watched = await watchPage(inspector.page);
    await inspector.page.locator('#steps li').nth(steps.length - 1).waitFor({ state: 'attached', timeout: 10_000 });

    assert.equal(await inspector.page.locator('h1.title').textContent(), `Time-Travel Inspector — ${subject}`);
    assert.deepEqual(await inspector.page.locator('#steps li .type').allTextContents(), values);
    assert.deepEqual(await inspector.page.locator('#steps li .time').allTextContents(), values.map(() => hostile.cssValue));
    assert.equal(await inspector.page.locator('#steps li').first().getAttribute('title'), `${hostile.javascriptUrl}0\nsource: ${hostile.svg}\nstatus: ${hostile.styleBreak}\ncorrelation: ${hostile.fontFace}`);

    // The last step: its state holds every key and value; the diff every path.
    await inspector.page.locator('#steps li').nth(steps.length - 1).click();
    await waitUntil(inspector.page, `!!document.querySelector('#detail pre.state') && !!document.querySelector('#detail table.diff')`);
    assert.equal(await inspector.page.locator('#detail h2').textContent(), `#${steps.length} ${hostile.template}`);
    assert.equal(await inspector.page.locator('#detail p.meta').textContent(), [hostile.cssValue, hostile.svg, hostile.styleBreak, `${hostile.javascriptUrl}${steps.length - 1}`].join(' · '));
    assert.deepEqual(JSON.parse((await inspector.page.locator('#detail pre.state').textContent()) ?? ''), stateAt(steps.length));
    const diffText = (await inspector.page.locator('#detail table.diff').textContent()) ?? '';
    // The step added the template-looking key with the script as its value: path and value, as text.
    assert.ok(diffText.includes(`/${hostile.template}added${JSON.stringify(hostile.script)}`), diffText.slice(0, 400));
    assert.ok((await inspector.page.locator('#detail').textContent())?.includes(hostile.object), 'the snapshot file it started from, as text');

    // Snapshot drift: a hostile file name, differences and snapshot state.
    await inspector.page.locator('#mode-snapshot').click();
    await waitUntil(inspector.page, `!!document.querySelector('#detail .drift')`);
    assert.deepEqual(await inspector.page.locator('#detail .drift li').allTextContents(), values.map((text) => `/${text}: snapshot has ${text}`));
    assert.equal(await inspector.page.locator('#snapshot-select option').first().textContent(), `#2 snapshots/${hostile.iframe}`);

    await assertNothingRanOrLeft(inspector.page, inspector, [`${inspectorServer.origin}/`, `${inspectorServer.origin}/media/inspector.js`, `${inspectorServer.origin}/media/inspector.css`], canary, watched.dialogs);
    assert.deepEqual(inspector.errors, []);
  });

  it('the timeline shows hostile ids, types, aggregates, sources, correlations and the store label as text', async () => {
    const events = fixtureEvents();
    const target = events.find((event) => event.t === T0 + 301_000)!;
    Object.assign(target, { eventId: hostile.link, type: hostile.styleBreak, aggregateId: hostile.script, source: hostile.cssUrl, correlationId: hostile.fontFace });
    // More hostile types, each its own event: the legend lists them all.
    const extraTypes = [hostile.cssValue, hostile.img, hostile.javascriptUrl, hostile.websocket, hostile.svg];
    extraTypes.forEach((type, i) => events.push({ eventId: `${hostile.meta}${i}`, t: T0 + 10_000 + i, type, aggregateId: hostile.base, source: hostile.object, correlationId: null, causationId: null }));
    events.sort((a, b) => a.t - b.t);
    const backend = fixtureBackend(events);
    const timeline = await openTimeline(browser, timelineServer, {
      backend,
      store: { store: '/fixture/event_store', label: hostile.iframe, eventCount: events.length },
      savedState: { ...INITIAL_TIMELINE_STATE, range: { from: T0 + 299_500, to: T0 + 301_500 } },
    });
    closers.push(() => timeline.close());
    const watched = await watchPage(timeline.page);
    await waitUntil(timeline.page, `Number(document.getElementById('lanes').dataset.marks) > 0`);

    assert.equal(await timeline.page.locator('#store-label').textContent(), `${hostile.iframe} · ${events.length.toLocaleString('en-US')} events`);
    const legend = await timeline.page.locator('#legend .legend-label').allTextContents();
    for (const type of [hostile.styleBreak, ...extraTypes]) assert.ok(legend.includes(type), `legend has ${type}`);
    // Each swatch got a colour the page computed, or past the palette's first round a pattern of one (gradients of colours only), never text from the type.
    const swatches = (await timeline.page.evaluate(`[...document.querySelectorAll('#legend .swatch')].map((s) => getComputedStyle(s).backgroundImage + '|' + getComputedStyle(s).backgroundColor)`)) as string[];
    const patterned = /^((repeating-linear|radial)-gradient\(((-?\d+deg|rgba?\(\d+, \d+, \d+(, [\d.]+)?\)|[\d.]+px)(, | )?)+\)(, )?)+\|rgba\(0, 0, 0, 0\)$/;
    for (const swatch of swatches) assert.ok(/^none\|rgb\(\d+, \d+, \d+\)$/.test(swatch) || patterned.test(swatch), swatch);

    // Hover the hostile event: its tooltip rows, as text.
    const asked = backend.binsAsked[backend.binsAsked.length - 1];
    const bins = binsOf(backend.events, asked);
    const box = (await timeline.page.evaluate(`(() => { const r = document.getElementById('lanes').getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; })()`)) as { x: number; y: number; w: number; h: number };
    const layout = layoutFor(Math.floor(box.w), Math.floor(box.h));
    const row = bins.lanes.findIndex((lane) => lane.key === hostile.script);
    assert.ok(row >= 0, 'the hostile aggregate has a lane');
    await timeline.page.mouse.move(box.x + xOnCanvas(layout, { from: asked.from!, to: asked.to! }, T0 + 301_000), box.y + rowCentre(layout, row));
    await waitUntil(timeline.page, `!document.getElementById('tooltip').hidden`);
    const rows = (await timeline.page.evaluate(`[...document.querySelectorAll('#tooltip .row')].map((r) => [r.querySelector('.label').textContent, r.querySelector('.value').textContent])`)) as [string, string][];
    const byLabel = Object.fromEntries(rows);
    assert.equal(byLabel.type, hostile.styleBreak);
    assert.equal(byLabel.aggregate, hostile.script);
    assert.equal(byLabel['event id'], hostile.link);
    assert.equal(byLabel.correlation, hostile.fontFace);

    // Lanes by source: the hostile sources become lane keys (drawn on the canvas, never markup).
    await timeline.page.locator('#lane-mode').selectOption('source');
    await waitUntil(timeline.page, `window.__setStates.length > 0 && window.__setStates[window.__setStates.length - 1].lane === 'source'`);
    await waitUntil(timeline.page, `Number(document.getElementById('lanes').dataset.paints) > 1`);

    await assertNothingRanOrLeft(timeline.page, timeline, [`${timelineServer.origin}/`, `${timelineServer.origin}/media/timeline.js`, `${timelineServer.origin}/media/timeline.css`], canary, watched.dialogs);
    assert.deepEqual(timeline.errors, []);
  });

  it('serves the strict CSP: scripts only with the nonce, nothing remote, no inline style or eval', async () => {
    const html = await new Promise<string>((resolve, reject) => {
      http.get(`${inspectorServer.origin}/`, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve(body));
      }).on('error', reject);
    });
    const policies = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)].map((m) => m[1].replace(/&#39;/g, "'"));
    assert.equal(policies.length, 2, 'the page has two CSP meta elements (every script must satisfy both)');
    const [served, scriptOrigin] = policies;
    assert.equal(scriptOrigin, `script-src ${inspectorServer.origin}`);
    assert.equal(scriptOrigin, webviewScriptOriginCsp({ cspSource: inspectorServer.origin }));
    const directives = new Map(served.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
    const nonce = /'nonce-([^']+)'/.exec(served)?.[1] ?? '';
    assert.deepEqual(Object.fromEntries(directives), {
      'default-src': ["'none'"],
      'img-src': [inspectorServer.origin, 'data:'],
      'style-src': [inspectorServer.origin],
      'script-src': [`'nonce-${nonce}'`],
      'font-src': [inspectorServer.origin],
    });
    assert.equal(served, webviewCsp({ nonce, cspSource: inspectorServer.origin }));
    const sources = [...directives.values()].flat();
    for (const weak of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", "'self'", '*', 'http:', 'https:', 'ws:', 'wss:', 'blob:', 'filesystem:']) {
      assert.ok(!sources.includes(weak), `no ${weak}`);
    }
    assert.throws(() => webviewCsp({ nonce: 'short', cspSource: inspectorServer.origin }), /nonce/);
    assert.throws(() => webviewCsp({ nonce: `${'a'.repeat(20)}' 'unsafe-inline`, cspSource: inspectorServer.origin }), /nonce/);

    // Behaviour: each of these is tried from inside the page; only the nonce'd script may run.
    const inspector = await openInspector(browser, inspectorServer, {
      backend: { steps: async ({ offset }) => ({ offset, total: 0, steps: [] }), state: async () => { throw new Error('none'); }, snapshots: async () => ({ snapshots: [] }), snapshotDrift: async () => { throw new Error('none'); } },
      subject: { aggregateId: 'csp', store: '/fixture/event_store' },
    });
    closers.push(() => inspector.close());
    const watched = await watchPage(inspector.page);
    const url = `http://${canary.origin}`;
    await inspector.page.evaluate(`(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
      const add = (html) => { const t = document.createElement('template'); t.innerHTML = html; document.body.append(t.content); };
      const inline = document.createElement('script'); inline.textContent = "window.__pwned = 'no nonce'"; document.body.append(inline);
      const wrong = document.createElement('script'); wrong.nonce = 'AAAAAAAAAAAAAAAAAAAAAA=='; wrong.textContent = "window.__pwned = 'wrong nonce'"; document.body.append(wrong);
      const remote = document.createElement('script'); remote.src = '${url}/script.js'; document.body.append(remote);
      // Even with the page's nonce: inline, or from anywhere but the page's media origin, no script runs.
      const inlineWithNonce = document.createElement('script'); inlineWithNonce.nonce = ${JSON.stringify(inspector.nonce)};
      inlineWithNonce.textContent = "window.__pwned = 'inline with the nonce'"; document.body.append(inlineWithNonce);
      const remoteWithNonce = document.createElement('script'); remoteWithNonce.nonce = ${JSON.stringify(inspector.nonce)};
      remoteWithNonce.src = '${url}/nonced.js'; document.body.append(remoteWithNonce);
      // The control, with the page's nonce from its media origin: it runs, and even it cannot eval.
      const right = document.createElement('script'); right.nonce = ${JSON.stringify(inspector.nonce)};
      right.src = '${inspectorServer.origin}${CSP_PROBE_PATH}';
      document.body.append(right);
      add('<img src="${url}/img" onerror="window.__pwned = \\'handler\\'">');
      add('<style>body { background: url(${url}/style-element) }</style>');
      add('<link rel="stylesheet" href="${url}/sheet.css">');
      add('<iframe src="${url}/frame"></iframe>');
      add('<a id="js-link" href="javascript:window.__pwned=\\'link\\'">x</a>');
      document.getElementById('js-link').click();
      document.body.style.backgroundImage = 'url(${url}/cssom)';
      fetch('${url}/fetch').catch(() => {});
      try { new WebSocket('ws://${canary.origin}/ws'); } catch {}
      new FontFace('leak', 'url(${url}/font)').load().catch(() => {});
      navigator.sendBeacon?.('${url}/beacon');
    })()`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(await inspector.page.evaluate('window.__control'), 'ran', "the control: a script with the page's nonce does run");
    assert.equal(await inspector.page.evaluate('window.__evalBlocked'), 'EvalError', `no eval, even for the nonce’d script: ${await inspector.page.evaluate('String(window.__pwned)')}`);
    assert.equal(await inspector.page.evaluate('window.__pwned'), undefined);
    assert.deepEqual(watched.dialogs, []);
    // No request reached the canary. (Chromium may still open a bare speculative connection to a host named in a
    // blocked element, sending nothing; the event-data tests above, where no element is ever made, see none at all.)
    assert.deepEqual(canary.requests, [], 'no request reached the canary');
    const violations = (await inspector.page.evaluate('window.__violations')) as string[];
    for (const directive of ['script-src', 'img-src', 'style-src', 'connect-src', 'font-src', 'frame-src']) {
      assert.ok(violations.some((v) => v.startsWith(directive)), `a ${directive} violation was reported: ${violations.join('; ')}`);
    }
    assert.ok(violations.some((v) => v.endsWith(' eval')), `eval was blocked: ${violations.join('; ')}`);
  });
});
