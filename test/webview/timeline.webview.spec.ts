import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TimelineBinsParams } from '../../src/shared/protocol';
import {
  BinsRequest,
  FilterChangedCommand,
  FilterNotification,
  INITIAL_TIMELINE_STATE,
  isTimelineSavedState,
  type SharedFilter,
  StoreGrewNotification,
  type TimelineSavedState,
} from '../../src/shared/timelineProtocol';
import { layoutFor, plotWidth, rowCentre, xOnCanvas } from '../../src/webview/timeline/plotLayout';
import { launchChromium, waitUntil, type Browser } from './playwright';
import { binsOf, fixtureBackend, HOSTILE_AGGREGATE, HOSTILE_ID, HOSTILE_TYPE, T0, type FixtureBackend } from './timelineFixture';
import { openTimeline, startTimelineServer, type OpenedTimeline, type TimelineTestServer } from './timelineTestHost';

/** The built timeline page (media/timeline.js and the extension's HTML) in headless Chromium, with a fake host over a fixture store. */
describe('timeline page (headless Chromium)', () => {
  let browser: Browser;
  let server: TimelineTestServer;
  const opened: OpenedTimeline[] = [];

  before(async () => {
    server = await startTimelineServer();
    browser = await launchChromium();
  });

  after(async () => {
    for (const o of opened) await o.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  async function open(savedState?: TimelineSavedState, hostFilter?: SharedFilter): Promise<OpenedTimeline & { backend: FixtureBackend }> {
    const backend = fixtureBackend();
    const store = { store: '/fixture/event_store', label: 'fixture', eventCount: backend.events.length, ...(hostFilter ? { filter: hostFilter } : {}) };
    const timeline = await openTimeline(browser, server, { backend, savedState, store });
    opened.push(timeline);
    await waitUntil(timeline.page, `Number(document.getElementById('lanes').dataset.paints) > 0`);
    return Object.assign(timeline, { backend });
  }

  /** Pixels of the lanes canvas inside the plot that differ from the background (sampled every 2 px). */
  const inkInRows = (timeline: OpenedTimeline, rows: number) =>
    timeline.page.evaluate(`(() => {
      const canvas = document.getElementById('lanes');
      const ctx = canvas.getContext('2d');
      const dpr = window.devicePixelRatio || 1;
      const bg = ctx.getImageData(1, canvas.height - 2, 1, 1).data;
      const label = ${layoutFor(1000, 1).labelWidth};
      const x0 = Math.ceil((label + 2) * dpr), y0 = Math.ceil((22 + 3) * dpr), y1 = Math.floor((22 + ${rows} * 20 - 3) * dpr);
      const data = ctx.getImageData(x0, y0, canvas.width - x0, y1 - y0).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 8) if (data[i] !== bg[0] || data[i + 1] !== bg[1] || data[i + 2] !== bg[2]) ink++;
      return ink;
    })()`) as Promise<number>;

  const lastBins = (backend: FixtureBackend): TimelineBinsParams => backend.binsAsked[backend.binsAsked.length - 1];

  it('says ready first, asks for bins of the visible range at the canvas width, and draws them', async () => {
    const timeline = await open();
    assert.deepEqual(timeline.fromPage[0], { kind: 'command', method: 'webview/ready', params: {} });
    const pageBins = timeline.fromPage.filter((m) => BinsRequest.is(m)).map((m) => (m as { params: { buckets: number; lane: string; maxLanes: number } }).params);
    assert.ok(pageBins.some((p) => p.lane === 'aggregate' && p.buckets > 300 && p.maxLanes > 5), 'a bins request for the plot at about 2 px per bucket');
    assert.equal(await timeline.page.evaluate(`document.getElementById('lanes').dataset.lanes`), '5', 'order-1, order-2, order-3, pay-3 and the hostile aggregate');
    assert.ok((await inkInRows(timeline, 2)) > 200, 'the two busy lanes have density drawn');
    assert.match((await timeline.page.locator('#store-label').textContent()) ?? '', /fixture · 603 events/);
    assert.deepEqual(timeline.errors, []);
  });

  it('has the strict CSP with the page nonce, and makes no request but its own media', async () => {
    const timeline = await open();
    const csp = (await timeline.page.evaluate(`document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`)) as string;
    assert.match(csp, /default-src 'none'/);
    assert.ok(csp.includes(`script-src 'nonce-${timeline.nonce}'`));
    assert.equal(await timeline.page.evaluate(`[...document.scripts].every((s) => s.nonce === ${JSON.stringify(timeline.nonce)})`), true);
    const own = new Set([`${server.origin}/`, `${server.origin}/media/timeline.js`, `${server.origin}/media/timeline.css`]);
    assert.deepEqual(timeline.requests.filter((url) => !own.has(url)), []);
  });

  it('shows markup from ids, types and aggregates as text in the tooltip and legend, and runs none of it', async () => {
    const range = { from: T0 + 299_500, to: T0 + 301_500 };
    const timeline = await open({ ...INITIAL_TIMELINE_STATE, range });
    await waitUntil(timeline.page, `Number(document.getElementById('lanes').dataset.marks) > 0`);
    // Where the page drew the hostile event: the same pure layout over the bins it was given.
    const asked = lastBins(timeline.backend);
    const bins = binsOf(timeline.backend.events, asked);
    const box = (await timeline.page.evaluate(`(() => { const r = document.getElementById('lanes').getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; })()`)) as { x: number; y: number; w: number; h: number };
    const layout = layoutFor(Math.floor(box.w), Math.floor(box.h));
    const row = bins.lanes.findIndex((l) => l.key === HOSTILE_AGGREGATE);
    assert.ok(row >= 0, 'the hostile aggregate has a lane');
    const x = xOnCanvas(layout, { from: asked.from!, to: asked.to! }, T0 + 301_000);
    await timeline.page.mouse.move(box.x + x, box.y + rowCentre(layout, row));
    await waitUntil(timeline.page, `!document.getElementById('tooltip').hidden`);
    const tooltip = (await timeline.page.locator('#tooltip').textContent()) ?? '';
    assert.ok(tooltip.includes(HOSTILE_ID), tooltip);
    assert.ok(tooltip.includes(HOSTILE_TYPE));
    assert.ok(tooltip.includes(HOSTILE_AGGREGATE));
    assert.ok(((await timeline.page.locator('#legend').textContent()) ?? '').includes(HOSTILE_TYPE));
    assert.equal(await timeline.page.evaluate(`document.querySelectorAll('#tooltip *:not(div):not(span), #legend script, #legend img, img, b').length`), 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(await timeline.page.evaluate('window.__pwned'), undefined);
    assert.deepEqual(timeline.errors, []);

    // A click selects and opens the event; its correlation's chain is asked for.
    await timeline.page.mouse.click(box.x + x, box.y + rowCentre(layout, row));
    await waitUntil(timeline.page, `document.getElementById('show-correlation').disabled === false`).catch(async (error: Error) => {
      throw new Error(`${error.message}; status: ${await timeline.page.locator('#status').textContent()}; sent: ${timeline.fromPage.map((m) => (m as { method?: string }).method).join(', ')}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.ok(timeline.fromPage.some((m) => JSON.stringify(m) === JSON.stringify({ kind: 'command', method: 'timeline/openEvent', params: { eventId: HOSTILE_ID } })));
    assert.ok(timeline.fromPage.some((m) => (m as { method?: string }).method === 'timeline/causation'));
    // A double click opens the inspector instead (and does not open the event again).
    const opensBefore = timeline.fromPage.filter((m) => (m as { method?: string }).method === 'timeline/openEvent').length;
    await timeline.page.mouse.dblclick(box.x + x, box.y + rowCentre(layout, row));
    await waitUntil(timeline.page, 'true');
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.ok(timeline.fromPage.some((m) => (m as { method?: string }).method === 'timeline/openInspector'));
    assert.equal(timeline.fromPage.filter((m) => (m as { method?: string }).method === 'timeline/openEvent').length, opensBefore);
  });

  it('zooms with keys, switches lanes, hides types, and keeps all of it in its saved state', async () => {
    const timeline = await open();
    const before = lastBins(timeline.backend);
    await timeline.page.locator('#lanes').click();
    await timeline.page.keyboard.press('+');
    await waitUntil(timeline.page, `window.__setStates.some((s) => s.range && (s.range.to - s.range.from) < ${(before.to! - before.from!) * 0.6})`);
    await timeline.page.locator('#lane-mode').selectOption('type');
    await waitUntil(timeline.page, `window.__setStates.length > 0 && window.__setStates[window.__setStates.length - 1].lane === 'type'`);
    await timeline.page.locator('#legend .legend-item').first().click();
    await waitUntil(timeline.page, `window.__setStates[window.__setStates.length - 1].hiddenTypes.length === 1`);
    const saved = await timeline.lastSavedState();
    assert.equal(isTimelineSavedState(saved), true);
    const state = saved as TimelineSavedState;
    assert.equal(state.lane, 'type');
    assert.equal(state.hiddenTypes[0], 'item_added', 'the most frequent type comes first in the legend');
    await waitUntil(timeline.page, 'true');
    const asked = lastBins(timeline.backend);
    assert.equal(asked.lane, 'type');
    assert.ok(asked.filters?.types && !asked.filters.types.includes('item_added'));

    // A reload (the serializer hands the page its state back) asks for the same view.
    const reopened = await open(state);
    const first = reopened.backend.binsAsked.find((p) => p.from !== undefined)!;
    assert.equal(first.lane, 'type');
    assert.equal(first.from, state.range!.from);
    assert.equal(first.to, state.range!.to);
    assert.equal(await reopened.page.locator('#legend .legend-item').first().getAttribute('aria-pressed'), 'false');
  });

  const filtersPosted = (timeline: OpenedTimeline): SharedFilter[] =>
    timeline.fromPage.filter((m) => FilterChangedCommand.is(m)).map((m) => (m as { params: { filter: SharedFilter } }).params.filter);

  async function waitForPosted(timeline: OpenedTimeline, count: number): Promise<SharedFilter> {
    const deadline = Date.now() + 5000;
    while (filtersPosted(timeline).length < count) {
      if (Date.now() > deadline) throw new Error(`the page posted ${filtersPosted(timeline).length} filter changes, expected ${count}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return filtersPosted(timeline)[count - 1];
  }

  async function waitForBins(timeline: OpenedTimeline & { backend: FixtureBackend }, test: (p: TimelineBinsParams) => boolean, what: string): Promise<TimelineBinsParams> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = [...timeline.backend.binsAsked].reverse().find((p) => p.from !== undefined && test(p));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no bins request ${what}; last: ${JSON.stringify(lastBins(timeline.backend))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('shares its filter with the trees: Shift+drag brushes a time window, the search box and the source narrow, each posted to the host', async () => {
    const timeline = await open();
    const shown = lastBins(timeline.backend);
    const box = (await timeline.page.evaluate(`(() => { const r = document.getElementById('lanes').getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; })()`)) as { x: number; y: number; w: number; h: number };
    const layout = layoutFor(Math.floor(box.w), Math.floor(box.h));
    const timeAt = (x: number) => shown.from! + ((x - layout.labelWidth) / plotWidth(layout)) * (shown.to! - shown.from!);
    const [x1, x2] = [layout.labelWidth + 300, layout.labelWidth + 100];
    await timeline.page.keyboard.down('Shift');
    await timeline.page.mouse.move(box.x + x1, box.y + rowCentre(layout, 0));
    await timeline.page.mouse.down();
    await timeline.page.mouse.move(box.x + x2, box.y + rowCentre(layout, 1), { steps: 5 });
    await timeline.page.mouse.up();
    await timeline.page.keyboard.up('Shift');
    const brushed = await waitForPosted(timeline, 1);
    const pixelMs = (shown.to! - shown.from!) / plotWidth(layout);
    assert.ok(Math.abs(brushed.from! - timeAt(x2)) <= 2 * pixelMs && Math.abs(brushed.to! - timeAt(x1)) <= 2 * pixelMs, `window ${JSON.stringify(brushed)} between the pointer's times`);
    assert.deepEqual(Object.keys(brushed).sort(), ['from', 'to']);
    const windowed = await waitForBins(timeline, (p) => p.filters?.from === brushed.from, 'with the brushed window');
    assert.equal(windowed.filters?.to, brushed.to);
    assert.equal(windowed.from, shown.from, 'a brush filters; it does not zoom');
    assert.equal(await timeline.page.locator('#time-window-chip').isVisible(), true);

    await timeline.page.locator('#aggregate-search').fill('order-');
    const searched = await waitForPosted(timeline, 2);
    assert.deepEqual(searched, { ...brushed, aggregatePrefix: 'order-' });
    const byPrefix = await waitForBins(timeline, (p) => p.filters?.aggregatePrefix === 'order-', 'with the aggregate prefix');
    assert.ok(binsOf(timeline.backend.events, byPrefix).lanes.every((l) => l.key.startsWith('order-')));

    await timeline.page.locator('#source-filter').selectOption('Payments');
    assert.deepEqual(await waitForPosted(timeline, 3), { ...searched, sources: ['Payments'] });
    await waitForBins(timeline, (p) => p.filters?.sources?.[0] === 'Payments', 'with the source');

    await timeline.page.locator('#clear-filters').click();
    assert.deepEqual(await waitForPosted(timeline, 4), {});
    await waitForBins(timeline, (p) => p.filters === undefined, 'without filters');
    assert.equal(await timeline.page.locator('#time-window-chip').isVisible(), false);
    assert.deepEqual(timeline.errors, []);
  });

  it('takes the trees’ filter from the host, shows it, keeps it in its saved state, and does not echo it back', async () => {
    const timeline = await open();
    await timeline.post(FilterNotification.create({ filter: { types: ['order_placed'], aggregatePrefix: 'order-', sources: ['Orders'], from: T0 + 60_000 } }));
    const asked = await waitForBins(timeline, (p) => p.filters?.aggregatePrefix === 'order-', 'with the trees’ filter');
    assert.deepEqual(asked.filters, { types: ['order_placed'], sources: ['Orders'], aggregatePrefix: 'order-', from: T0 + 60_000 });
    assert.equal(await timeline.page.locator('#aggregate-search').inputValue(), 'order-');
    assert.equal(await timeline.page.locator('#source-filter').inputValue(), 'Orders');
    const pressed = (await timeline.page.evaluate(`[...document.querySelectorAll('#legend .legend-item')].map((b) => b.textContent + '=' + b.getAttribute('aria-pressed'))`)) as string[];
    assert.ok(pressed.includes('order_placed=true') && pressed.includes('item_added=false'), pressed.join(', '));
    await waitUntil(timeline.page, `window.__setStates.some((s) => s.filter && s.filter.aggregatePrefix === 'order-')`);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(filtersPosted(timeline), [], 'a filter from the trees goes nowhere back');
  });

  it('after a window reload, hands its saved filter to the trees; when the host already has one, takes that instead', async () => {
    const saved: TimelineSavedState = { ...INITIAL_TIMELINE_STATE, hiddenTypes: ['item_added'], filter: { aggregatePrefix: 'order-' } };
    const reloaded = await open(saved);
    const announced = await waitForPosted(reloaded, 1);
    assert.equal(announced.aggregatePrefix, 'order-');
    assert.ok(announced.types && announced.types.length > 0 && !announced.types.includes('item_added'), JSON.stringify(announced.types));
    assert.equal(await reloaded.page.locator('#aggregate-search').inputValue(), 'order-');

    const told = await open(saved, { sources: ['Payments'] });
    await waitForBins(told, (p) => p.filters?.sources?.[0] === 'Payments', 'with the host’s filter');
    const asked = lastBins(told.backend);
    assert.equal(asked.filters?.aggregatePrefix, undefined, 'the saved prefix gave way to the host’s filter');
    assert.equal(asked.filters?.types, undefined, 'and so did the hidden types');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(filtersPosted(told), [], 'nothing is sent back');
  });

  it('follows new events when follow is on and the store grows', async () => {
    const timeline = await open({ ...INITIAL_TIMELINE_STATE, range: { from: T0, to: T0 + 60_000 }, follow: true });
    const last = timeline.backend.events[timeline.backend.events.length - 1];
    timeline.backend.events.push({ ...last, eventId: 'late', t: last.t + 3_600_000, correlationId: null, causationId: null });
    const asked = timeline.backend.binsAsked.length;
    await timeline.post(StoreGrewNotification.create({ eventCount: timeline.backend.events.length, appendedEvents: 1, rewritten: false }));
    await waitUntil(timeline.page, `true`);
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !timeline.backend.binsAsked.slice(asked).some((p) => p.to !== undefined && p.to > last.t + 3_600_000)) await new Promise((r) => setTimeout(r, 25));
    const latest = timeline.backend.binsAsked.slice(asked).filter((p) => p.from !== undefined).pop();
    assert.ok(latest && latest.to! >= last.t + 3_600_000 && latest.from! <= last.t + 3_600_000, 'the view moved to the new last event');
    assert.ok(Math.abs(latest.to! - latest.from! - 60_000) < 1, 'keeping its span');
  });
});
