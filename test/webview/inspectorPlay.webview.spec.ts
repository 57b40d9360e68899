import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InspectorBackend } from '../../src/extension/inspector/inspectorBackend';
import { answerRequest } from '../../src/extension/inspector/inspectorRequests';
import { DebugFromHereCommand, SubjectNotification } from '../../src/shared/webviewProtocol';
import { fixtureBackend, orderEvents } from './inspectorFixture';
import { startTestServer, type OpenedInspector, type TestServer } from './inspectorHost';
import { launchChromium, waitUntil, type Browser, type Page } from './playwright';
import { openWebview } from './webviewTestHost';

/**
 * #14's inspector in headless Chromium: the slider over the whole aggregate
 * (pages load as it moves), play/pause at a speed, the writer's bookkeeping
 * folded away, paths that break only between keys, numbers as written.
 */
describe('time-travel inspector: slider, play, bookkeeping, paths, numbers (headless Chromium)', () => {
  let browser: Browser;
  let server: TestServer;
  const opened: OpenedInspector[] = [];

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });

  after(async () => {
    for (const o of opened) await o.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  /** A long aggregate: each event sets a price and the writer's bookkeeping (as the Python bus's fold does). */
  function longBackend(count: number): ReturnType<typeof fixtureBackend> & { pages: number[] } {
    const events = Array.from({ length: count }, (_, i) => ({
      sequence: i + 1,
      type: 'PriceSet',
      data: { price: i + 1, last_event_type: 'PriceSet', _meta: { sequence_number: i + 1 } },
    }));
    const backend = fixtureBackend(events);
    const pages: number[] = [];
    return Object.assign(backend, {
      pages,
      async steps(params: { offset: number; limit: number }) {
        pages.push(params.offset);
        return fixtureBackend(events).steps(params);
      },
      async state(params: { atSequence: number }) {
        return { ...(await fixtureBackend(events).state(params)), bookkeepingKeys: ['_meta', 'last_event_type'] };
      },
    });
  }

  async function open(backend: InspectorBackend, prepare?: (page: Page) => Promise<void>): Promise<OpenedInspector> {
    const inspector = await openWebview(browser, server, {
      onReady: SubjectNotification.create({ aggregateId: 'order-1', store: '/fixture/event_store' }),
      answer: (message) => answerRequest(message, backend),
      ...(prepare ? { prepare } : {}),
    });
    opened.push(inspector);
    await waitUntil(inspector.page, `document.querySelector('#detail h2')?.textContent === '#1 ' + document.querySelector('#steps li .type')?.textContent`);
    return inspector;
  }

  const heading = (inspector: OpenedInspector) => inspector.page.locator('#detail h2').textContent();

  it('the slider spans the whole aggregate and loads the pages up to where it rests', async () => {
    const backend = longBackend(1200);
    const inspector = await open(backend);
    assert.equal(await inspector.page.evaluate(`document.querySelector('#slider').max`), '1199');
    assert.equal(await inspector.page.locator('#position').textContent(), 'step 1 of 1,200');
    assert.equal(await inspector.page.locator('#steps li').count(), 500, 'one page loaded at first');
    await inspector.page.locator('#slider').fill('1100');
    await waitUntil(inspector.page, `document.querySelector('#detail h2')?.textContent === '#1101 PriceSet'`);
    assert.equal(await inspector.page.locator('#position').textContent(), 'step 1,101 of 1,200');
    assert.deepEqual(backend.pages, [0, 500, 1000], 'the pages up to step 1,101 loaded, in order, once');
    assert.equal(await inspector.page.locator('#steps li').nth(1100).getAttribute('aria-selected'), 'true');
    assert.doesNotMatch((await inspector.page.evaluate('document.body.textContent')) as string, /loaded/);
    assert.deepEqual(inspector.errors, []);
  });

  it('"Debug from Here" asks the host for a debug session at the selected step\'s sequence number', async () => {
    const inspector = await open(longBackend(40));
    assert.equal(await inspector.page.evaluate(`document.querySelector('#debug-here').disabled`), false, 'a selected step with a sequence can start a session');
    await inspector.page.locator('#slider').fill('11');
    await waitUntil(inspector.page, `document.querySelector('#detail h2')?.textContent === '#12 PriceSet'`);
    await inspector.page.locator('#debug-here').click();
    await waitUntil(inspector.page, 'true');
    const asked = inspector.fromPage.filter((m) => DebugFromHereCommand.is(m));
    assert.deepEqual(asked, [DebugFromHereCommand.create({ sequenceNumber: 12 })], 'one command, naming the selected step (not the first one)');
    assert.deepEqual(inspector.errors, []);
  });

  it('plays at the chosen speed, loading pages as it goes, and pauses', async () => {
    const backend = longBackend(600);
    const inspector = await open(backend);
    await inspector.page.locator('#jump-input').fill('498');
    await inspector.page.locator('#jump-input').press('Enter');
    await waitUntil(inspector.page, `document.querySelector('#detail h2')?.textContent === '#498 PriceSet'`);
    await inspector.page.locator('#speed').selectOption('16');
    const started = Date.now();
    await inspector.page.locator('#play').click();
    assert.equal(await inspector.page.locator('#play').getAttribute('aria-pressed'), 'true');
    assert.equal(await inspector.page.locator('#play').textContent(), 'Pause');
    // Past the first page: play asked for the next one itself.
    await waitUntil(inspector.page, `Number(document.querySelector('#detail h2')?.textContent.slice(1).split(' ')[0]) >= 503`);
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 5 * (1000 / 16) - 20, `5 steps at 16/s take at least ~310 ms, took ${elapsed}`);
    assert.deepEqual(backend.pages, [0, 500]);
    await inspector.page.locator('#play').click();
    assert.equal(await inspector.page.locator('#play').getAttribute('aria-pressed'), 'false');
    const paused = await heading(inspector);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(await heading(inspector), paused, 'nothing moves while paused');
    assert.match(await inspector.page.locator('#position').textContent() ?? '', /^step 50\d of 600$/);
  });

  it('plays to the last event and stops there', async () => {
    const inspector = await open(fixtureBackend(orderEvents()));
    await inspector.page.locator('#speed').selectOption('16');
    await inspector.page.locator('#play').click();
    await waitUntil(inspector.page, `document.querySelector('#status').textContent === 'Played to the last event.'`);
    assert.equal(await heading(inspector), '#4 OrderShipped');
    assert.equal(await inspector.page.locator('#play').textContent(), 'Play');
  });

  it('folds the writer\'s bookkeeping keys away under the diff', async () => {
    const inspector = await open(longBackend(3));
    await inspector.page.locator('#steps li').nth(1).click();
    await waitUntil(inspector.page, `document.querySelector('#detail h2')?.textContent === '#2 PriceSet' && !!document.querySelector('#detail pre.state')`);
    const main = await inspector.page.locator('#detail .diff-block > table.diff tbody tr').allTextContents();
    assert.deepEqual(main, ['/pricechanged12']);
    const folded = inspector.page.locator('#detail details.bookkeeping');
    assert.equal(await folded.count(), 1);
    assert.equal(await inspector.page.evaluate(`document.querySelector('#detail details.bookkeeping').open`), false, 'folded by default');
    assert.equal(await folded.locator('summary').textContent(), 'Bookkeeping (_meta): 1 changed');
    assert.deepEqual(await folded.locator('tbody tr').allTextContents(), ['/_meta/sequence_numberchanged12']);
    assert.equal(await inspector.page.locator('#detail table.diff caption').count(), 1, 'one caption: the data diff\'s (the summary names the folded table)');
  });

  it('breaks a long path only between keys, never inside one', async () => {
    const events = [
      { sequence: 1, type: 'RiskAlert', data: { alerts: { alert_type_of_the_portfolio_manager: 'drawdown', threshold_exceeded_by_percentage: 1 } } },
      { sequence: 2, type: 'RiskAlert', data: { alerts: { alert_type_of_the_portfolio_manager: 'exposure', threshold_exceeded_by_percentage: 2 } } },
    ];
    const inspector = await open(fixtureBackend(events), async (page) => {
      await (page as unknown as { setViewportSize(size: { width: number; height: number }): Promise<void> }).setViewportSize({ width: 420, height: 700 });
    });
    await inspector.page.locator('#steps li').nth(1).click();
    await waitUntil(inspector.page, `document.querySelectorAll('#detail table.diff td.path').length === 2`);
    // Each key's text node is laid out on one line; the cell breaks (if at all) at the <wbr> before a "/".
    const layout = (await inspector.page.evaluate(`[...document.querySelectorAll('#detail table.diff td.path')].map((cell) => ({
      text: cell.textContent,
      wbr: cell.querySelectorAll('wbr').length,
      keysOnOneLine: [...cell.childNodes].filter((n) => n.nodeType === 3).every((n) => { const r = document.createRange(); r.selectNodeContents(n); return new Set([...r.getClientRects()].map((rect) => Math.round(rect.top))).size === 1; }),
    }))`)) as { text: string; wbr: number; keysOnOneLine: boolean }[];
    assert.deepEqual(layout, [
      { text: '/alerts/alert_type_of_the_portfolio_manager', wbr: 1, keysOnOneLine: true },
      { text: '/alerts/threshold_exceeded_by_percentage', wbr: 1, keysOnOneLine: true },
    ]);
    assert.equal(await inspector.page.evaluate(`getComputedStyle(document.querySelector('#detail table.diff th')).whiteSpace`), 'nowrap');
  });

  it('shows numbers as the store wrote them (1.0, all 20 digits) and says which are rounded (EB026)', async () => {
    const base = fixtureBackend([
      { sequence: 1, type: 'TradeExecuted', data: { quantity: 2, ticket: 1 } },
      { sequence: 2, type: 'TradeExecuted', data: { quantity: 1, ticket: 12345678901234567890 } },
    ]);
    const backend: InspectorBackend = {
      ...base,
      async state(params) {
        const at = await base.state(params);
        if (params.atSequence < 2) return at;
        return {
          ...at,
          stateText: '{\n  "quantity": 1.0,\n  "ticket": 12345678901234567890\n}',
          numberSpellings: { '/quantity': '1.0', '/ticket': '12345678901234567890' },
          roundedNumbers: ['/ticket'],
        };
      },
    };
    const inspector = await open(backend);
    await inspector.page.locator('#steps li').nth(1).click();
    await waitUntil(inspector.page, `document.querySelector('#detail h2')?.textContent === '#2 TradeExecuted' && !!document.querySelector('#detail pre.state')`);
    assert.equal(await inspector.page.locator('#detail pre.state').textContent(), '{\n  "quantity": 1.0,\n  "ticket": 12345678901234567890\n}');
    const rows = await inspector.page.locator('#detail table.diff tbody tr').allTextContents();
    assert.deepEqual(rows.sort(), ['/quantitychanged21.0', '/ticketchanged112345678901234567890']);
    assert.match((await inspector.page.locator('#detail p.rounded').textContent()) ?? '', /^EB026: numbers beyond 2\^53 at \/ticket lose digits/);
  });
});
