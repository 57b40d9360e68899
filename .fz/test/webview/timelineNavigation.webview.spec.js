"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const timelineProtocol_1 = require("../../src/shared/timelineProtocol");
const plotLayout_1 = require("../../src/webview/timeline/plotLayout");
const timeScale_1 = require("../../src/webview/timeline/timeScale");
const playwright_1 = require("./playwright");
const timelineFixture_1 = require("./timelineFixture");
const timelineTestHost_1 = require("./timelineTestHost");
/**
 * The timeline's navigation in headless Chromium over the fixture store:
 * the zoom limit, next/previous event, the tooltip after a zoom, lanes kept
 * in order across zooms, pinning and the "(other)" list.
 */
(0, node_test_1.describe)('timeline page: navigation and lanes (headless Chromium)', () => {
    let browser;
    let server;
    const opened = [];
    (0, node_test_1.before)(async () => {
        server = await (0, timelineTestHost_1.startTimelineServer)();
        browser = await (0, playwright_1.launchChromium)();
    });
    (0, node_test_1.after)(async () => {
        for (const o of opened)
            await o.close().catch(() => undefined);
        await browser?.close();
        await server?.close();
    });
    async function open(savedState, viewport = { width: 1000, height: 600 }) {
        const backend = (0, timelineFixture_1.fixtureBackend)();
        const timeline = await (0, timelineTestHost_1.openTimeline)(browser, server, { backend, savedState: { ...timelineProtocol_1.INITIAL_TIMELINE_STATE, ...savedState }, store: { label: 'fixture', eventCount: backend.events.length }, viewport });
        opened.push(timeline);
        await (0, playwright_1.waitUntil)(timeline.page, `Number(document.getElementById('lanes').dataset.paints) > 0`);
        return Object.assign(timeline, { backend });
    }
    const data = async (timeline, key) => (await timeline.page.evaluate(`document.getElementById('lanes').dataset.${key}`));
    const rangeOf = async (timeline) => JSON.parse((await data(timeline, 'range')) ?? 'null');
    const laneKeys = async (timeline) => JSON.parse((await data(timeline, 'laneKeys')) ?? '[]');
    const box = async (timeline) => (await timeline.page.evaluate(`(() => { const r = document.getElementById('lanes').getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; })()`));
    /** Waits until the latest bins drawn are for the range shown. */
    const settled = (timeline) => new Promise((r) => setTimeout(r, 350)).then(() => (0, playwright_1.waitUntil)(timeline.page, 'true'));
    (0, node_test_1.it)('zooms in no further than one event per millisecond of the plot, and never onto an empty screen', async () => {
        // Between two events of order-1/order-2 (one each second): a zoom around an empty instant.
        const timeline = await open({ range: { from: timelineFixture_1.T0 + 10_000, to: timelineFixture_1.T0 + 20_000 } });
        const { w } = await box(timeline);
        await timeline.page.evaluate(`document.getElementById('lanes').focus()`);
        for (let i = 0; i < 25; i++)
            await timeline.page.keyboard.press('+');
        await settled(timeline);
        const range = await rangeOf(timeline);
        const limit = (0, timeScale_1.minSpanFor)((0, plotLayout_1.plotWidth)((0, plotLayout_1.layoutFor)(Math.floor(w), 1)));
        strict_1.default.ok(Math.abs(range.to - range.from - limit) < 0.01, `span ${range.to - range.from} ms, limit ${limit} ms`);
        strict_1.default.equal(Number(await data(timeline, 'minSpanMs')).toFixed(3), limit.toFixed(3));
        const inView = timeline.backend.events.filter((e) => e.t >= range.from && e.t <= range.to);
        strict_1.default.ok(inView.length > 0, `the deepest zoom ${JSON.stringify(range)} still shows an event`);
        await (0, playwright_1.waitUntil)(timeline.page, `Number(document.getElementById('lanes').dataset.marks) > 0`);
        strict_1.default.deepEqual(timeline.errors, []);
    });
    (0, node_test_1.it)('steps to the next and previous event with N, P and the toolbar buttons, selecting and centring each', async () => {
        const timeline = await open({ range: { from: timelineFixture_1.T0, to: timelineFixture_1.T0 + 20_000 } });
        const centre = timelineFixture_1.T0 + 10_000;
        const after = timeline.backend.events.filter((e) => e.t > centre);
        await timeline.page.evaluate(`document.getElementById('lanes').focus()`);
        await timeline.page.keyboard.press('n');
        await (0, playwright_1.waitUntil)(timeline.page, `document.getElementById('lanes').dataset.selected === ${JSON.stringify(after[0].eventId)}`);
        strict_1.default.equal(timeline.backend.neighboursAsked[0].eventId, undefined, 'the first step starts at the centre (nothing selected)');
        await timeline.page.locator('#next-event').click();
        await (0, playwright_1.waitUntil)(timeline.page, `document.getElementById('lanes').dataset.selected === ${JSON.stringify(after[1].eventId)}`);
        strict_1.default.equal(timeline.backend.neighboursAsked[1].eventId, after[0].eventId, 'then from the selected event');
        const range = await rangeOf(timeline);
        strict_1.default.ok(Math.abs((range.from + range.to) / 2 - after[1].t) < 1, 'the selected event is centred');
        strict_1.default.ok(Math.abs(range.to - range.from - 20_000) < 1, 'the span is kept');
        await timeline.page.evaluate(`document.getElementById('lanes').focus()`);
        await timeline.page.keyboard.press('p');
        await (0, playwright_1.waitUntil)(timeline.page, `document.getElementById('lanes').dataset.selected === ${JSON.stringify(after[0].eventId)}`);
        await timeline.page.locator('#prev-event').click();
        const before = timeline.backend.events.filter((e) => e.t < after[0].t);
        await (0, playwright_1.waitUntil)(timeline.page, `document.getElementById('lanes').dataset.selected === ${JSON.stringify(before[before.length - 1].eventId)}`);
        strict_1.default.match((await timeline.page.locator('#status').textContent()) ?? '', /selected/);
        strict_1.default.deepEqual(timeline.errors, []);
    });
    (0, node_test_1.it)('hides the tooltip on a zoom until the pointer moves, then describes the lane drawn under it', async () => {
        const timeline = await open({ range: { from: timelineFixture_1.T0, to: timelineFixture_1.T0 + 20_000 } });
        const b = await box(timeline);
        const layout = (0, plotLayout_1.layoutFor)(Math.floor(b.w), Math.floor(b.h));
        const range = await rangeOf(timeline);
        // order-1's event at +4 s, in its row.
        const keys = await laneKeys(timeline);
        const row = keys.indexOf('order-1');
        const x = b.x + (0, plotLayout_1.xOnCanvas)(layout, range, timelineFixture_1.T0 + 4000);
        const y = b.y + (0, plotLayout_1.rowCentre)(layout, row);
        await timeline.page.mouse.move(x, y);
        await (0, playwright_1.waitUntil)(timeline.page, `!document.getElementById('tooltip').hidden`);
        strict_1.default.match((await timeline.page.locator('#tooltip').textContent()) ?? '', /o1-2/);
        await timeline.page.mouse.wheel(0, -300);
        await (0, playwright_1.waitUntil)(timeline.page, `document.getElementById('tooltip').hidden`);
        await settled(timeline);
        strict_1.default.equal(await timeline.page.evaluate(`document.getElementById('tooltip').hidden`), true, 'still hidden once the new bins are drawn');
        // Moved a little: the tooltip follows the pointer and names what is under it now.
        await timeline.page.mouse.move(x + 3, y);
        await (0, playwright_1.waitUntil)(timeline.page, `!document.getElementById('tooltip').hidden`);
        const text = (await timeline.page.locator('#tooltip').textContent()) ?? '';
        const keysNow = await laneKeys(timeline);
        strict_1.default.ok(text.includes(keysNow[row]) || /aggregateorder-1/.test(text.replace(/\s+/g, '')), `the tooltip "${text}" names the lane ${keysNow[row]}`);
        const tipBox = (await timeline.page.evaluate(`(() => { const r = document.getElementById('tooltip').getBoundingClientRect(); return { x: r.left, y: r.top }; })()`));
        strict_1.default.ok(Math.abs(tipBox.x - (x + 3 + 14)) < 2 || tipBox.x < x, `the tooltip sits by the pointer (${tipBox.x} vs ${x + 3})`);
    });
    (0, node_test_1.it)('keeps the lane order across zooms (whole-store order, not what the range holds), by the chosen key', async () => {
        // Zoomed to about [+0.6 s, +3.4 s], order-2 has two events (+1 s, +3 s) and order-1 one (+2 s): an order by the range would put order-2 first.
        const timeline = await open({ range: { from: timelineFixture_1.T0 - 9000, to: timelineFixture_1.T0 + 13_000 } });
        const wide = await laneKeys(timeline);
        strict_1.default.deepEqual(wide.slice(0, 2), ['order-1', 'order-2']);
        await timeline.page.evaluate(`document.getElementById('lanes').focus()`);
        for (let i = 0; i < 3; i++)
            await timeline.page.keyboard.press('+');
        await settled(timeline);
        const zoomed = await rangeOf(timeline);
        strict_1.default.ok(zoomed.from > timelineFixture_1.T0 + 500 && zoomed.from < timelineFixture_1.T0 + 1000 && zoomed.to > timelineFixture_1.T0 + 3000 && zoomed.to < timelineFixture_1.T0 + 4000, `zoomed to ${zoomed.from - timelineFixture_1.T0}..${zoomed.to - timelineFixture_1.T0}`);
        const narrow = await laneKeys(timeline);
        strict_1.default.deepEqual(narrow.slice(0, 2), ['order-1', 'order-2'], `lanes ${narrow.join(', ')}`);
        // Another key: by name, kept as the user zooms back out.
        await timeline.page.locator('#lane-order').selectOption('name');
        await (0, playwright_1.waitUntil)(timeline.page, `JSON.parse(document.getElementById('lanes').dataset.laneKeys)[0] === 'order-1'`);
        await timeline.page.locator('#fit').click();
        await settled(timeline);
        const byName = await laneKeys(timeline);
        strict_1.default.deepEqual(byName, [...byName].sort(new Intl.Collator('en', { numeric: true }).compare));
        strict_1.default.equal(timeline.backend.binsAsked[timeline.backend.binsAsked.length - 1].laneOrder, 'name');
    });
    (0, node_test_1.it)('folds what does not fit into "(other)"; its label lists those lanes, a click pins one first, a click on its label unpins it; lanes by query go to the server', async () => {
        // Four rows fit: three aggregates and (other).
        const timeline = await open({ range: { from: timelineFixture_1.T0 + 299_000, to: timelineFixture_1.T0 + 302_000 } }, { width: 1000, height: 230 });
        const keys = await laneKeys(timeline);
        strict_1.default.equal(keys[keys.length - 1], '(other)', keys.join(', '));
        const b = await box(timeline);
        const layout = (0, plotLayout_1.layoutFor)(Math.floor(b.w), Math.floor(b.h));
        const otherRow = keys.length - 1;
        await timeline.page.mouse.click(b.x + 20, b.y + (0, plotLayout_1.rowCentre)(layout, otherRow));
        await (0, playwright_1.waitUntil)(timeline.page, `!document.getElementById('other-lanes').hidden && document.querySelectorAll('#other-lanes .other-lane').length > 0`);
        const listed = (await timeline.page.evaluate(`[...document.querySelectorAll('#other-lanes .other-lane')].map((b) => b.dataset.key)`));
        strict_1.default.ok(listed.every((key) => !keys.includes(key)), `listed ${listed.join(', ')} beside rows ${keys.join(', ')}`);
        const target = listed[listed.length - 1];
        await timeline.page.locator(`#other-lanes .other-lane >> nth=${listed.length - 1}`).click();
        await (0, playwright_1.waitUntil)(timeline.page, `JSON.parse(document.getElementById('lanes').dataset.laneKeys)[0] === ${JSON.stringify(target)}`);
        const asked = timeline.backend.binsAsked[timeline.backend.binsAsked.length - 1];
        strict_1.default.deepEqual(asked.pinnedLanes, [target]);
        await (0, playwright_1.waitUntil)(timeline.page, `window.__setStates.some((s) => s.pinnedLanes && s.pinnedLanes.aggregate && s.pinnedLanes.aggregate[0] === ${JSON.stringify(target)})`);
        // A click on the pinned lane's label unpins it.
        await timeline.page.locator('#other-lanes-close').click().catch(() => undefined);
        await timeline.page.mouse.click(b.x + 20, b.y + (0, plotLayout_1.rowCentre)(layout, 0));
        await (0, playwright_1.waitUntil)(timeline.page, `JSON.parse(document.getElementById('lanes').dataset.laneKeys)[0] !== ${JSON.stringify(target)}`);
        strict_1.default.equal(timeline.backend.binsAsked[timeline.backend.binsAsked.length - 1].pinnedLanes, undefined);
        // Lanes chosen by a content query: the page asks the server for them.
        await timeline.page.locator('#lane-query').fill('data.amount > 100');
        await (0, playwright_1.waitUntil)(timeline.page, 'true');
        const deadline = Date.now() + 5000;
        while (!timeline.backend.binsAsked.some((p) => p.laneWhere === 'data.amount > 100')) {
            if (Date.now() > deadline)
                throw new Error('no bins request with the lane query');
            await new Promise((r) => setTimeout(r, 25));
        }
        strict_1.default.deepEqual(timeline.errors, []);
    });
});
//# sourceMappingURL=timelineNavigation.webview.spec.js.map