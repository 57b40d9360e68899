import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DebugMarkerNotification, INITIAL_TIMELINE_STATE, type TimeRange } from '../../src/shared/timelineProtocol';
import { layoutFor, xOnCanvas } from '../../src/webview/timeline/plotLayout';
import { launchChromium, waitUntil, type Browser } from './playwright';
import { fixtureBackend, T0 } from './timelineFixture';
import { openTimeline, startTimelineServer, type OpenedTimeline, type TimelineTestServer } from './timelineTestHost';

/**
 * The timeline follows a debug session (timeline/debugMarker): a marker on
 * the stopped event, the view moved there only when it is off screen, and
 * gone when the session ends.
 */
describe('timeline page: the debug session marker (headless Chromium)', () => {
  let browser: Browser;
  let server: TimelineTestServer;
  let timeline: OpenedTimeline;
  const backend = fixtureBackend();
  const viewport = { width: 1000, height: 600 };

  before(async () => {
    server = await startTimelineServer();
    browser = await launchChromium();
    timeline = await openTimeline(browser, server, { backend, savedState: { ...INITIAL_TIMELINE_STATE, range: { from: T0, to: T0 + 20_000 } }, store: { store: '/fixture/event_store', label: 'fixture', eventCount: backend.events.length }, viewport });
    await waitUntil(timeline.page, `Number(document.getElementById('lanes').dataset.paints) > 0`);
  });

  after(async () => {
    await timeline?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  const lanes = (key: string) => timeline.page.evaluate(`document.getElementById('lanes').dataset.${key}`) as Promise<string | undefined>;
  const rangeOf = async () => JSON.parse((await lanes('range')) ?? 'null') as TimeRange;
  /** The canvas pixel (RGB) at a CSS point of the lanes canvas. */
  const pixelAt = (x: number, y: number) =>
    timeline.page.evaluate(`(() => {
      const canvas = document.getElementById('lanes');
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      return Array.from(canvas.getContext('2d').getImageData(Math.round(${x} * scale), Math.round(${y} * scale), 1, 1).data.slice(0, 3));
    })()`) as Promise<number[]>;
  const markerColour = async () =>
    (await timeline.page.evaluate(`(() => {
      const probe = document.createElement('div');
      probe.style.color = getComputedStyle(document.body).getPropertyValue('--vscode-debugIcon-breakpointCurrentStackframeForeground').trim() || '#ffcc00';
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color.match(/\\d+/g).slice(0, 3).map(Number);
      probe.remove();
      return rgb;
    })()`)) as number[];

  it('draws a marker at the stopped event in view, and keeps the view where it is', async () => {
    const event = backend.events.find((e) => e.t > T0 + 7_000) ?? backend.events[0];
    const before = await rangeOf();
    const width = (await timeline.page.evaluate(`document.getElementById('lanes').getBoundingClientRect().width`)) as number;
    const x = xOnCanvas(layoutFor(Math.floor(width), 1), before, event.t);
    const axis = layoutFor(Math.floor(width), 1).axisHeight;
    // Nothing is drawn there in that colour before the marker (a broken page that paints nothing fails below).
    const colour = await markerColour();
    assert.notDeepEqual(await pixelAt(x, axis + 2), colour);
    await timeline.post(DebugMarkerNotification.create({ marker: { eventId: event.eventId, timestampMs: event.t, label: `${event.type} #7 · ${event.aggregateId}` } }));
    await waitUntil(timeline.page, `document.getElementById('lanes').dataset.debugEventId === ${JSON.stringify(event.eventId)}`);
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(await rangeOf(), before, 'a marker in view does not move the view');
    const seen = await pixelAt(x, axis + 2);
    assert.ok(seen.every((c, i) => Math.abs(c - colour[i]) <= 8), `the marker's colour ${colour} at its event's x ${x.toFixed(1)} (seen ${seen})`);
    assert.deepEqual(timeline.errors, []);
  });

  it('moves the view to a stopped event off screen (the span kept), then drops the marker when the session ends', async () => {
    const event = backend.events.find((e) => e.t > T0 + 200_000) ?? backend.events[backend.events.length - 1];
    const before = await rangeOf();
    await timeline.post(DebugMarkerNotification.create({ marker: { eventId: event.eventId, timestampMs: event.t, label: event.type } }));
    await waitUntil(timeline.page, `document.getElementById('lanes').dataset.debugEventId === ${JSON.stringify(event.eventId)}`);
    const range = await rangeOf();
    assert.ok(range.from <= event.t && event.t <= range.to, `the view ${JSON.stringify(range)} shows the event at ${event.t}`);
    assert.ok(Math.abs(range.to - range.from - (before.to - before.from)) < 1, 'the span is kept');
    await timeline.post(DebugMarkerNotification.create({ marker: null }));
    await waitUntil(timeline.page, `document.getElementById('lanes').dataset.debugEventId === ''`);
    assert.deepEqual(timeline.errors, []);
  });
});
