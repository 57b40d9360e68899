"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const inspectorRequests_1 = require("../../src/extension/inspector/inspectorRequests");
const webviewProtocol_1 = require("../../src/shared/webviewProtocol");
const inspectorFixture_1 = require("./inspectorFixture");
const inspectorHost_1 = require("./inspectorHost");
const playwright_1 = require("./playwright");
const webviewTestHost_1 = require("./webviewTestHost");
/**
 * #14's inspector in headless Chromium: the slider over the whole aggregate
 * (pages load as it moves), play/pause at a speed, the writer's bookkeeping
 * folded away, paths that break only between keys, numbers as written.
 */
(0, node_test_1.describe)('time-travel inspector: slider, play, bookkeeping, paths, numbers (headless Chromium)', () => {
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
    /** A long aggregate: each event sets a price and the writer's bookkeeping (as the Python bus's fold does). */
    function longBackend(count) {
        const events = Array.from({ length: count }, (_, i) => ({
            sequence: i + 1,
            type: 'PriceSet',
            data: { price: i + 1, last_event_type: 'PriceSet', _meta: { sequence_number: i + 1 } },
        }));
        const backend = (0, inspectorFixture_1.fixtureBackend)(events);
        const pages = [];
        return Object.assign(backend, {
            pages,
            async steps(params) {
                pages.push(params.offset);
                return (0, inspectorFixture_1.fixtureBackend)(events).steps(params);
            },
            async state(params) {
                return { ...(await (0, inspectorFixture_1.fixtureBackend)(events).state(params)), bookkeepingKeys: ['_meta', 'last_event_type'] };
            },
        });
    }
    async function open(backend, prepare) {
        const inspector = await (0, webviewTestHost_1.openWebview)(browser, server, {
            onReady: webviewProtocol_1.SubjectNotification.create({ aggregateId: 'order-1' }),
            answer: (message) => (0, inspectorRequests_1.answerRequest)(message, backend),
            ...(prepare ? { prepare } : {}),
        });
        opened.push(inspector);
        await (0, playwright_1.waitUntil)(inspector.page, `document.querySelector('#detail h2')?.textContent === '#1 ' + document.querySelector('#steps li .type')?.textContent`);
        return inspector;
    }
    const heading = (inspector) => inspector.page.locator('#detail h2').textContent();
    (0, node_test_1.it)('the slider spans the whole aggregate and loads the pages up to where it rests', async () => {
        const backend = longBackend(1200);
        const inspector = await open(backend);
        strict_1.default.equal(await inspector.page.evaluate(`document.querySelector('#slider').max`), '1199');
        strict_1.default.equal(await inspector.page.locator('#position').textContent(), 'step 1 of 1,200');
        strict_1.default.equal(await inspector.page.locator('#steps li').count(), 500, 'one page loaded at first');
        await inspector.page.locator('#slider').fill('1100');
        await (0, playwright_1.waitUntil)(inspector.page, `document.querySelector('#detail h2')?.textContent === '#1101 PriceSet'`);
        strict_1.default.equal(await inspector.page.locator('#position').textContent(), 'step 1,101 of 1,200');
        strict_1.default.deepEqual(backend.pages, [0, 500, 1000], 'the pages up to step 1,101 loaded, in order, once');
        strict_1.default.equal(await inspector.page.locator('#steps li').nth(1100).getAttribute('aria-selected'), 'true');
        strict_1.default.doesNotMatch((await inspector.page.evaluate('document.body.textContent')), /loaded/);
        strict_1.default.deepEqual(inspector.errors, []);
    });
    (0, node_test_1.it)('plays at the chosen speed, loading pages as it goes, and pauses', async () => {
        const backend = longBackend(600);
        const inspector = await open(backend);
        await inspector.page.locator('#jump-input').fill('498');
        await inspector.page.locator('#jump-input').press('Enter');
        await (0, playwright_1.waitUntil)(inspector.page, `document.querySelector('#detail h2')?.textContent === '#498 PriceSet'`);
        await inspector.page.locator('#speed').selectOption('16');
        const started = Date.now();
        await inspector.page.locator('#play').click();
        strict_1.default.equal(await inspector.page.locator('#play').getAttribute('aria-pressed'), 'true');
        strict_1.default.equal(await inspector.page.locator('#play').textContent(), 'Pause');
        // Past the first page: play asked for the next one itself.
        await (0, playwright_1.waitUntil)(inspector.page, `Number(document.querySelector('#detail h2')?.textContent.slice(1).split(' ')[0]) >= 503`);
        const elapsed = Date.now() - started;
        strict_1.default.ok(elapsed >= 5 * (1000 / 16) - 20, `5 steps at 16/s take at least ~310 ms, took ${elapsed}`);
        strict_1.default.deepEqual(backend.pages, [0, 500]);
        await inspector.page.locator('#play').click();
        strict_1.default.equal(await inspector.page.locator('#play').getAttribute('aria-pressed'), 'false');
        const paused = await heading(inspector);
        await new Promise((resolve) => setTimeout(resolve, 400));
        strict_1.default.equal(await heading(inspector), paused, 'nothing moves while paused');
        strict_1.default.match(await inspector.page.locator('#position').textContent() ?? '', /^step 50\d of 600$/);
    });
    (0, node_test_1.it)('plays to the last event and stops there', async () => {
        const inspector = await open((0, inspectorFixture_1.fixtureBackend)((0, inspectorFixture_1.orderEvents)()));
        await inspector.page.locator('#speed').selectOption('16');
        await inspector.page.locator('#play').click();
        await (0, playwright_1.waitUntil)(inspector.page, `document.querySelector('#status').textContent === 'Played to the last event.'`);
        strict_1.default.equal(await heading(inspector), '#4 OrderShipped');
        strict_1.default.equal(await inspector.page.locator('#play').textContent(), 'Play');
    });
    (0, node_test_1.it)('folds the writer\'s bookkeeping keys away under the diff', async () => {
        const inspector = await open(longBackend(3));
        await inspector.page.locator('#steps li').nth(1).click();
        await (0, playwright_1.waitUntil)(inspector.page, `document.querySelector('#detail h2')?.textContent === '#2 PriceSet' && !!document.querySelector('#detail pre.state')`);
        const main = await inspector.page.locator('#detail .diff-block > table.diff tbody tr').allTextContents();
        strict_1.default.deepEqual(main, ['/pricechanged12']);
        const folded = inspector.page.locator('#detail details.bookkeeping');
        strict_1.default.equal(await folded.count(), 1);
        strict_1.default.equal(await inspector.page.evaluate(`document.querySelector('#detail details.bookkeeping').open`), false, 'folded by default');
        strict_1.default.equal(await folded.locator('summary').textContent(), 'Bookkeeping (_meta): 1 changed');
        strict_1.default.deepEqual(await folded.locator('tbody tr').allTextContents(), ['/_meta/sequence_numberchanged12']);
        strict_1.default.equal(await inspector.page.locator('#detail table.diff caption').count(), 1, 'one caption: the data diff\'s (the summary names the folded table)');
    });
    (0, node_test_1.it)('breaks a long path only between keys, never inside one', async () => {
        const events = [
            { sequence: 1, type: 'RiskAlert', data: { alerts: { alert_type_of_the_portfolio_manager: 'drawdown', threshold_exceeded_by_percentage: 1 } } },
            { sequence: 2, type: 'RiskAlert', data: { alerts: { alert_type_of_the_portfolio_manager: 'exposure', threshold_exceeded_by_percentage: 2 } } },
        ];
        const inspector = await open((0, inspectorFixture_1.fixtureBackend)(events), async (page) => {
            await page.setViewportSize({ width: 420, height: 700 });
        });
        await inspector.page.locator('#steps li').nth(1).click();
        await (0, playwright_1.waitUntil)(inspector.page, `document.querySelectorAll('#detail table.diff td.path').length === 2`);
        // Each key's text node is laid out on one line; the cell breaks (if at all) at the <wbr> before a "/".
        const layout = (await inspector.page.evaluate(`[...document.querySelectorAll('#detail table.diff td.path')].map((cell) => ({
      text: cell.textContent,
      wbr: cell.querySelectorAll('wbr').length,
      keysOnOneLine: [...cell.childNodes].filter((n) => n.nodeType === 3).every((n) => { const r = document.createRange(); r.selectNodeContents(n); return new Set([...r.getClientRects()].map((rect) => Math.round(rect.top))).size === 1; }),
    }))`));
        strict_1.default.deepEqual(layout, [
            { text: '/alerts/alert_type_of_the_portfolio_manager', wbr: 1, keysOnOneLine: true },
            { text: '/alerts/threshold_exceeded_by_percentage', wbr: 1, keysOnOneLine: true },
        ]);
        strict_1.default.equal(await inspector.page.evaluate(`getComputedStyle(document.querySelector('#detail table.diff th')).whiteSpace`), 'nowrap');
    });
    (0, node_test_1.it)('shows numbers as the store wrote them (1.0, all 20 digits) and says which are rounded (EB026)', async () => {
        const base = (0, inspectorFixture_1.fixtureBackend)([
            { sequence: 1, type: 'TradeExecuted', data: { quantity: 2, ticket: 1 } },
            { sequence: 2, type: 'TradeExecuted', data: { quantity: 1, ticket: 12345678901234567890 } },
        ]);
        const backend = {
            ...base,
            async state(params) {
                const at = await base.state(params);
                if (params.atSequence < 2)
                    return at;
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
        await (0, playwright_1.waitUntil)(inspector.page, `document.querySelector('#detail h2')?.textContent === '#2 TradeExecuted' && !!document.querySelector('#detail pre.state')`);
        strict_1.default.equal(await inspector.page.locator('#detail pre.state').textContent(), '{\n  "quantity": 1.0,\n  "ticket": 12345678901234567890\n}');
        const rows = await inspector.page.locator('#detail table.diff tbody tr').allTextContents();
        strict_1.default.deepEqual(rows.sort(), ['/quantitychanged21.0', '/ticketchanged112345678901234567890']);
        strict_1.default.match((await inspector.page.locator('#detail p.rounded').textContent()) ?? '', /^EB026: numbers beyond 2\^53 at \/ticket lose digits/);
    });
});
//# sourceMappingURL=inspectorPlay.webview.spec.js.map