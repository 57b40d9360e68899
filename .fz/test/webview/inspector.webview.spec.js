"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const webviewProtocol_1 = require("../../src/shared/webviewProtocol");
const inspectorFixture_1 = require("./inspectorFixture");
const inspectorHost_1 = require("./inspectorHost");
const playwright_1 = require("./playwright");
/**
 * The built inspector page (media/inspector.js and the extension's HTML) in
 * headless Chromium, with a fake host answering its requests.
 */
(0, node_test_1.describe)('time-travel inspector page (headless Chromium)', () => {
    let browser;
    let server;
    const opened = [];
    (0, node_test_1.before)(async () => {
        server = await (0, inspectorHost_1.startTestServer)();
        browser = await (0, playwright_1.launchChromium)();
    });
    (0, node_test_1.after)(async () => {
        for (const o of opened)
            await o.close().catch(() => undefined);
        await browser?.close();
        await server?.close();
    });
    async function open(options = {}) {
        const backend = options.backend ?? (0, inspectorFixture_1.fixtureBackend)();
        const inspector = await (0, inspectorHost_1.openInspector)(browser, server, { subject: { aggregateId: 'order-1' }, ...options, backend });
        opened.push(inspector);
        await inspector.page.locator('#steps li').nth(backend.events.length - 1).waitFor({ state: 'attached', timeout: 10_000 });
        return Object.assign(inspector, { backend });
    }
    const rowTexts = (inspector) => inspector.page.locator('#steps li .type').allTextContents();
    (0, node_test_1.it)('says ready first, then lists the steps and selects the first one', async () => {
        const inspector = await open();
        strict_1.default.deepEqual(inspector.fromPage[0], { kind: 'command', method: 'webview/ready', params: {} });
        strict_1.default.deepEqual(await rowTexts(inspector), ['OrderPlaced', 'ItemAdded', inspectorFixture_1.HOSTILE_TYPE, 'OrderShipped']);
        strict_1.default.equal(await inspector.page.locator('h1.title').textContent(), 'Time-Travel Inspector — order-1');
        await inspector.page.locator('#detail h2').waitFor();
        strict_1.default.equal(await inspector.page.locator('#detail h2').textContent(), '#1 OrderPlaced');
        strict_1.default.equal(await inspector.page.locator('#position').textContent(), 'step 1 of 4');
        strict_1.default.deepEqual(inspector.errors, []);
    });
    (0, node_test_1.it)('shows the state at a selected step and the diff from the previous step', async () => {
        const inspector = await open();
        await inspector.page.locator('#steps li').nth(1).click();
        await (0, playwright_1.waitUntil)(inspector.page, `document.querySelector('#detail h2')?.textContent === '#2 ItemAdded' && !!document.querySelector('#detail pre.state')`);
        const state = JSON.parse((await inspector.page.locator('#detail pre.state').textContent()) ?? '');
        strict_1.default.deepEqual(state, { status: 'placed', items: [{ id: 'a', qty: 1 }, { id: 'b', qty: 2 }], total: 30 });
        const rows = await inspector.page.locator('#detail table.diff tbody tr').allTextContents();
        strict_1.default.deepEqual(rows.sort(), ['/items/1added{"id":"b","qty":2}', '/totalchanged1030'].sort());
        strict_1.default.match((await inspector.page.locator('#detail table.diff caption').textContent()) ?? '', /Changes from #1: 1 added, 1 changed/);
        strict_1.default.equal(await inspector.page.locator('#steps li').nth(1).getAttribute('aria-selected'), 'true');
        // Step 1 rebuilt #1 and #0 (before it); step 2 reuses #1 from the page's cache.
        strict_1.default.deepEqual(inspector.backend.stateRequests, [1, 0, 2]);
    });
    (0, node_test_1.it)('renders markup from events as text, runs none of it and loads nothing else', async () => {
        const inspector = await open();
        await inspector.page.locator('#steps li').nth(2).click();
        await (0, playwright_1.waitUntil)(inspector.page, `!!document.querySelector('#detail pre.state')`);
        strict_1.default.equal(await inspector.page.locator('#steps li').nth(2).locator('.type').textContent(), inspectorFixture_1.HOSTILE_TYPE);
        strict_1.default.equal(await inspector.page.locator('#detail h2').textContent(), `#3 ${inspectorFixture_1.HOSTILE_TYPE}`);
        const stateText = (await inspector.page.locator('#detail pre.state').textContent()) ?? '';
        strict_1.default.equal(JSON.parse(stateText).note, inspectorFixture_1.HOSTILE_NOTE);
        strict_1.default.ok(((await inspector.page.locator('#detail table.diff').textContent()) ?? '').includes('<script>window.__pwned=2</script>'));
        // Nothing the payload holds became an element or ran.
        strict_1.default.equal(await inspector.page.evaluate(`document.querySelectorAll('img, b, #inspector script').length`), 0);
        await new Promise((resolve) => setTimeout(resolve, 200));
        strict_1.default.equal(await inspector.page.evaluate('window.__pwned'), undefined);
        const own = new Set([`${server.origin}/`, `${server.origin}/media/inspector.js`, `${server.origin}/media/inspector.css`]);
        strict_1.default.deepEqual(inspector.requests.filter((url) => !own.has(url)), [], 'no request left for anything but the page and its media');
        strict_1.default.equal(server.served.some((url) => url.startsWith('/x')), false);
    });
    (0, node_test_1.it)('has the strict CSP with the page’s nonce, which stops a script without it', async () => {
        const inspector = await open();
        const csp = await inspector.page.evaluate(`document.querySelector('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')`);
        strict_1.default.equal(csp, `default-src 'none'; img-src ${server.origin} data:; style-src ${server.origin}; script-src 'nonce-${inspector.nonce}'; font-src ${server.origin}`);
        strict_1.default.equal(await inspector.page.evaluate(`document.querySelector('script[src$="/media/inspector.js"]').nonce`), inspector.nonce);
        await inspector.page.evaluate(`(() => { const s = document.createElement('script'); s.textContent = 'window.__pwned = 4'; document.body.append(s); })()`);
        strict_1.default.equal(await inspector.page.evaluate('window.__pwned'), undefined, 'an inline script without the nonce is blocked');
    });
    (0, node_test_1.it)('jumps to a sequence that exists, says why another cannot be jumped to, and scrubs with the slider', async () => {
        const inspector = await open();
        await inspector.page.locator('#jump-input').fill('12');
        await inspector.page.locator('#jump-input').press('Enter');
        await (0, playwright_1.waitUntil)(inspector.page, `document.querySelector('#jump-error').textContent !== ''`);
        strict_1.default.equal(await inspector.page.locator('#jump-error').textContent(), 'No event of this aggregate has sequence 12: its sequences run from 1 to 4.');
        strict_1.default.equal(await inspector.page.locator('#jump-input').getAttribute('aria-invalid'), 'true');
        await inspector.page.locator('#jump-input').fill('4');
        await inspector.page.locator('#jump-input').press('Enter');
        await (0, playwright_1.waitUntil)(inspector.page, `document.querySelector('#detail h2')?.textContent === '#4 OrderShipped'`);
        strict_1.default.equal(await inspector.page.locator('#jump-error').textContent(), '');
        strict_1.default.equal(await inspector.page.evaluate(`document.querySelector('#slider').value`), '3');
        await inspector.page.locator('#slider').fill('1');
        await (0, playwright_1.waitUntil)(inspector.page, `document.querySelector('#detail h2')?.textContent === '#2 ItemAdded'`);
        strict_1.default.equal(await inspector.page.locator('#position').textContent(), 'step 2 of 4');
    });
    (0, node_test_1.it)('compares two picked steps', async () => {
        const inspector = await open();
        await inspector.page.locator('#mode-compare').click();
        await inspector.page.locator('#set-a').click();
        await inspector.page.locator('#steps li').nth(3).click();
        await inspector.page.locator('#set-b').click();
        await (0, playwright_1.waitUntil)(inspector.page, `document.querySelector('#detail table.diff caption')?.textContent.startsWith('From A (#1) to B (#4)')`);
        const rows = await inspector.page.locator('#detail table.diff tbody tr').allTextContents();
        strict_1.default.ok(rows.includes('/statuschanged"placed""shipped"'), JSON.stringify(rows));
        strict_1.default.deepEqual(await inspector.page.locator('#steps li .marks').allTextContents(), ['A', '', '', 'B']);
        const saved = (await inspector.lastSavedState());
        strict_1.default.deepEqual([saved.mode, saved.compareA, saved.compareB], ['compare', 1, 4]);
    });
    (0, node_test_1.it)('shows a snapshot’s drift and its diff to the selected step', async () => {
        const inspector = await open();
        await inspector.page.locator('#steps li').nth(1).click();
        await inspector.page.locator('#mode-snapshot').click();
        await (0, playwright_1.waitUntil)(inspector.page, `!!document.querySelector('#detail .drift')`);
        strict_1.default.match((await inspector.page.locator('#detail .drift').textContent()) ?? '', /Drift: 1 differences.*\/total: snapshot has 25, rebuilt has 30/);
        const rows = await inspector.page.locator('#detail table.diff tbody tr').allTextContents();
        strict_1.default.deepEqual(rows, ['/totalchanged2530']);
    });
    (0, node_test_1.it)('keeps its place across a reload through the saved state', async () => {
        const first = await open();
        await first.page.locator('#steps li').nth(2).click();
        await (0, playwright_1.waitUntil)(first.page, `!!document.querySelector('#detail pre.state')`);
        const saved = await first.lastSavedState();
        strict_1.default.deepEqual(saved, { version: 1, subject: { aggregateId: 'order-1' }, mode: 'step', selectedSequence: 3, compareA: null, compareB: null, snapshotSequence: null, loadedCount: 4 });
        const second = await open({ savedState: saved });
        await (0, playwright_1.waitUntil)(second.page, `document.querySelector('#detail h2')?.textContent.startsWith('#3 ')`);
        strict_1.default.equal(await second.page.locator('#steps li').nth(2).getAttribute('aria-selected'), 'true');
    });
    (0, node_test_1.it)('appends live steps and reloads after a rewrite', async () => {
        const backend = (0, inspectorFixture_1.fixtureBackend)();
        const inspector = await open({ backend });
        const fifth = { sequence: 5, type: 'OrderDelivered', data: { status: 'delivered' } };
        backend.events.push(fifth);
        await inspector.post(webviewProtocol_1.StepsAppendedNotification.create({ offset: 4, total: 5, steps: [(0, inspectorFixture_1.stepOf)(fifth)] }));
        await inspector.page.locator('#steps li').nth(4).waitFor({ state: 'attached' });
        strict_1.default.equal((await rowTexts(inspector)).at(-1), 'OrderDelivered');
        strict_1.default.equal(await inspector.page.locator('#position').textContent(), 'step 1 of 5');
        backend.events.splice(1, 1);
        await inspector.post(webviewProtocol_1.StoreRewrittenNotification.create({}));
        await (0, playwright_1.waitUntil)(inspector.page, `document.querySelectorAll('#steps li').length === 4`);
        strict_1.default.deepEqual(await rowTexts(inspector), ['OrderPlaced', inspectorFixture_1.HOSTILE_TYPE, 'OrderShipped', 'OrderDelivered']);
    });
});
//# sourceMappingURL=inspector.webview.spec.js.map