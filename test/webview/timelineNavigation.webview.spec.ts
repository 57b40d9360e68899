import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { INITIAL_TIMELINE_STATE, type TimelineSavedState, type TimeRange } from '../../src/shared/timelineProtocol';
import { layoutFor, plotWidth, rowCentre, xOnCanvas } from '../../src/webview/timeline/plotLayout';
import { minSpanFor } from '../../src/webview/timeline/timeScale';
import { launchChromium, waitUntil, type Browser } from './playwright';
import { fixtureBackend, T0, type FixtureBackend } from './timelineFixture';
import { openTimeline, startTimelineServer, type OpenedTimeline, type TimelineTestServer } from './timelineTestHost';

/**
 * The timeline's navigation in headless Chromium over the fixture store:
 * the zoom limit, next/previous event, the tooltip after a zoom, lanes kept
 * in order across zooms, pinning and the "(other)" list.
 */
describe('timeline page: navigation and lanes (headless Chromium)', () => {
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

  type Opened = OpenedTimeline & { backend: FixtureBackend };

  async function open(savedState: Partial<TimelineSavedState>, viewport = { width: 1000, height: 600 }): Promise<Opened> {
    const backend = fixtureBackend();
    const timeline = await openTimeline(browser, server, { backend, savedState: { ...INITIAL_TIMELINE_STATE, ...savedState }, store: { store: '/fixture/event_store', label: 'fixture', eventCount: backend.events.length }, viewport });
    opened.push(timeline);
    await waitUntil(timeline.page, `Number(document.getElementById('lanes').dataset.paints) > 0`);
    return Object.assign(timeline, { backend });
  }

  const data = async (timeline: Opened, key: string) => (await timeline.page.evaluate(`document.getElementById('lanes').dataset.${key}`)) as string | undefined;
  const rangeOf = async (timeline: Opened) => JSON.parse((await data(timeline, 'range')) ?? 'null') as TimeRange;
  const laneKeys = async (timeline: Opened) => JSON.parse((await data(timeline, 'laneKeys')) ?? '[]') as string[];
  const box = async (timeline: Opened) =>
    (await timeline.page.evaluate(`(() => { const r = document.getElementById('lanes').getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; })()`)) as { x: number; y: number; w: number; h: number };
  /** Waits until the latest bins drawn are for the range shown. */
  const settled = (timeline: Opened) => new Promise((r) => setTimeout(r, 350)).then(() => waitUntil(timeline.page, 'true'));

  it('zooms in no further than one event per millisecond of the plot, and never onto an empty screen', async () => {
    // Between two events of order-1/order-2 (one each second): a zoom around an empty instant.
    const timeline = await open({ range: { from: T0 + 10_000, to: T0 + 20_000 } });
    const { w } = await box(timeline);
    await timeline.page.evaluate(`document.getElementById('lanes').focus()`);
    for (let i = 0; i < 25; i++) await timeline.page.keyboard.press('+');
    await settled(timeline);
    const range = await rangeOf(timeline);
    const limit = minSpanFor(plotWidth(layoutFor(Math.floor(w), 1)));
    assert.ok(Math.abs(range.to - range.from - limit) < 0.01, `span ${range.to - range.from} ms, limit ${limit} ms`);
    assert.equal(Number(await data(timeline, 'minSpanMs')).toFixed(3), limit.toFixed(3));
    const inView = timeline.backend.events.filter((e) => e.t >= range.from && e.t <= range.to);
    assert.ok(inView.length > 0, `the deepest zoom ${JSON.stringify(range)} still shows an event`);
    await waitUntil(timeline.page, `Number(document.getElementById('lanes').dataset.marks) > 0`);
    assert.deepEqual(timeline.errors, []);
  });

  it('steps to the next and previous event with N, P and the toolbar buttons, selecting and centring each', async () => {
    const timeline = await open({ range: { from: T0, to: T0 + 20_000 } });
    const centre = T0 + 10_000;
    const after = timeline.backend.events.filter((e) => e.t > centre);
    await timeline.page.evaluate(`document.getElementById('lanes').focus()`);
    await timeline.page.keyboard.press('n');
    await waitUntil(timeline.page, `document.getElementById('lanes').dataset.selected === ${JSON.stringify(after[0].eventId)}`);
    assert.equal(timeline.backend.neighboursAsked[0].eventId, undefined, 'the first step starts at the centre (nothing selected)');
    await timeline.page.locator('#next-event').click();
    await waitUntil(timeline.page, `document.getElementById('lanes').dataset.selected === ${JSON.stringify(after[1].eventId)}`);
    assert.equal(timeline.backend.neighboursAsked[1].eventId, after[0].eventId, 'then from the selected event');
    const range = await rangeOf(timeline);
    assert.ok(Math.abs((range.from + range.to) / 2 - after[1].t) < 1, 'the selected event is centred');
    assert.ok(Math.abs(range.to - range.from - 20_000) < 1, 'the span is kept');
    await timeline.page.evaluate(`document.getElementById('lanes').focus()`);
    await timeline.page.keyboard.press('p');
    await waitUntil(timeline.page, `document.getElementById('lanes').dataset.selected === ${JSON.stringify(after[0].eventId)}`);
    await timeline.page.locator('#prev-event').click();
    const before = timeline.backend.events.filter((e) => e.t < after[0].t);
    await waitUntil(timeline.page, `document.getElementById('lanes').dataset.selected === ${JSON.stringify(before[before.length - 1].eventId)}`);
    assert.match((await timeline.page.locator('#status').textContent()) ?? '', /selected/);
    assert.deepEqual(timeline.errors, []);
  });

  it('hides the tooltip on a zoom until the pointer moves, then describes the lane drawn under it', async () => {
    const timeline = await open({ range: { from: T0, to: T0 + 20_000 } });
    const b = await box(timeline);
    const layout = layoutFor(Math.floor(b.w), Math.floor(b.h));
    const range = await rangeOf(timeline);
    // order-1's event at +4 s, in its row.
    const keys = await laneKeys(timeline);
    const row = keys.indexOf('order-1');
    const x = b.x + xOnCanvas(layout, range, T0 + 4000);
    const y = b.y + rowCentre(layout, row);
    await timeline.page.mouse.move(x, y);
    await waitUntil(timeline.page, `!document.getElementById('tooltip').hidden`);
    assert.match((await timeline.page.locator('#tooltip').textContent()) ?? '', /o1-2/);
    await timeline.page.mouse.wheel(0, -300);
    await waitUntil(timeline.page, `document.getElementById('tooltip').hidden`);
    await settled(timeline);
    assert.equal(await timeline.page.evaluate(`document.getElementById('tooltip').hidden`), true, 'still hidden once the new bins are drawn');
    // Moved a little: the tooltip follows the pointer and names what is under it now.
    await timeline.page.mouse.move(x + 3, y);
    await waitUntil(timeline.page, `!document.getElementById('tooltip').hidden`);
    const text = (await timeline.page.locator('#tooltip').textContent()) ?? '';
    const keysNow = await laneKeys(timeline);
    assert.ok(text.includes(keysNow[row]) || /aggregateorder-1/.test(text.replace(/\s+/g, '')), `the tooltip "${text}" names the lane ${keysNow[row]}`);
    const tipBox = (await timeline.page.evaluate(`(() => { const r = document.getElementById('tooltip').getBoundingClientRect(); return { x: r.left, y: r.top }; })()`)) as { x: number; y: number };
    assert.ok(Math.abs(tipBox.x - (x + 3 + 14)) < 2 || tipBox.x < x, `the tooltip sits by the pointer (${tipBox.x} vs ${x + 3})`);
  });

  it('keeps the lane order across zooms (whole-store order, not what the range holds), by the chosen key', async () => {
    // Zoomed to about [+0.6 s, +3.4 s], order-2 has two events (+1 s, +3 s) and order-1 one (+2 s): an order by the range would put order-2 first.
    const timeline = await open({ range: { from: T0 - 9000, to: T0 + 13_000 } });
    const wide = await laneKeys(timeline);
    assert.deepEqual(wide.slice(0, 2), ['order-1', 'order-2']);
    await timeline.page.evaluate(`document.getElementById('lanes').focus()`);
    for (let i = 0; i < 3; i++) await timeline.page.keyboard.press('+');
    await settled(timeline);
    const zoomed = await rangeOf(timeline);
    assert.ok(zoomed.from > T0 + 500 && zoomed.from < T0 + 1000 && zoomed.to > T0 + 3000 && zoomed.to < T0 + 4000, `zoomed to ${zoomed.from - T0}..${zoomed.to - T0}`);
    const narrow = await laneKeys(timeline);
    assert.deepEqual(narrow.slice(0, 2), ['order-1', 'order-2'], `lanes ${narrow.join(', ')}`);
    // Another key: by name, kept as the user zooms back out.
    await timeline.page.locator('#lane-order').selectOption('name');
    await waitUntil(timeline.page, `JSON.parse(document.getElementById('lanes').dataset.laneKeys)[0] === 'order-1'`);
    await timeline.page.locator('#fit').click();
    await settled(timeline);
    const byName = await laneKeys(timeline);
    assert.deepEqual(byName, [...byName].sort(new Intl.Collator('en', { numeric: true }).compare));
    assert.equal(timeline.backend.binsAsked[timeline.backend.binsAsked.length - 1].laneOrder, 'name');
  });

  it('folds what does not fit into "(other)"; its label lists those lanes, a click pins one first, a click on its label unpins it; lanes by query go to the server', async () => {
    // Four rows fit: three aggregates and (other).
    const timeline = await open({ range: { from: T0 + 299_000, to: T0 + 302_000 } }, { width: 1000, height: 230 });
    const keys = await laneKeys(timeline);
    assert.equal(keys[keys.length - 1], '(other)', keys.join(', '));
    const b = await box(timeline);
    const layout = layoutFor(Math.floor(b.w), Math.floor(b.h));
    const otherRow = keys.length - 1;
    // The label click opens the list; on a loaded machine a repaint can land between the keys read above and the click, so click again (at most three times) rather than race it.
    const listShown = `!document.getElementById('other-lanes').hidden && document.querySelectorAll('#other-lanes .other-lane').length > 0`;
    for (let attempt = 1; ; attempt++) {
      await timeline.page.mouse.click(b.x + 20, b.y + rowCentre(layout, otherRow));
      try {
        await waitUntil(timeline.page, listShown, 4_000);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    const listed = (await timeline.page.evaluate(`[...document.querySelectorAll('#other-lanes .other-lane')].map((b) => b.dataset.key)`)) as string[];
    assert.ok(listed.every((key) => !keys.includes(key)), `listed ${listed.join(', ')} beside rows ${keys.join(', ')}`);
    const target = listed[listed.length - 1];
    await timeline.page.locator(`#other-lanes .other-lane >> nth=${listed.length - 1}`).click();
    await waitUntil(timeline.page, `JSON.parse(document.getElementById('lanes').dataset.laneKeys)[0] === ${JSON.stringify(target)}`);
    const asked = timeline.backend.binsAsked[timeline.backend.binsAsked.length - 1];
    assert.deepEqual(asked.pinnedLanes, [target]);
    await waitUntil(timeline.page, `window.__setStates.some((s) => s.pinnedLanes && s.pinnedLanes.aggregate && s.pinnedLanes.aggregate[0] === ${JSON.stringify(target)})`);
    // A click on the pinned lane's label unpins it.
    await timeline.page.locator('#other-lanes-close').click().catch(() => undefined);
    await timeline.page.mouse.click(b.x + 20, b.y + rowCentre(layout, 0));
    await waitUntil(timeline.page, `JSON.parse(document.getElementById('lanes').dataset.laneKeys)[0] !== ${JSON.stringify(target)}`);
    assert.equal(timeline.backend.binsAsked[timeline.backend.binsAsked.length - 1].pinnedLanes, undefined);
    // Lanes chosen by a content query: the page asks the server for them.
    await timeline.page.locator('#lane-query').fill('data.amount > 100');
    await waitUntil(timeline.page, 'true');
    const deadline = Date.now() + 5000;
    while (!timeline.backend.binsAsked.some((p) => p.laneWhere === 'data.amount > 100')) {
      if (Date.now() > deadline) throw new Error('no bins request with the lane query');
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.deepEqual(timeline.errors, []);
  });
});
