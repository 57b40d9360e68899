import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StepsAppendedNotification, StoreRewrittenNotification } from '../../src/shared/webviewProtocol';
import { fixtureBackend, HOSTILE_NOTE, HOSTILE_TYPE, stepOf } from './inspectorFixture';
import { openInspector, startTestServer, type OpenedInspector, type TestServer } from './inspectorHost';
import { launchChromium, waitUntil, type Browser } from './playwright';

/**
 * The built inspector page (media/inspector.js and the extension's HTML) in
 * headless Chromium, with a fake host answering its requests.
 */
describe('time-travel inspector page (headless Chromium)', () => {
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

  async function open(options: Partial<Parameters<typeof openInspector>[2]> = {}): Promise<OpenedInspector & { backend: ReturnType<typeof fixtureBackend> }> {
    const backend = (options.backend as ReturnType<typeof fixtureBackend> | undefined) ?? fixtureBackend();
    const inspector = await openInspector(browser, server, { subject: { aggregateId: 'order-1', store: '/fixture/event_store' }, ...options, backend });
    opened.push(inspector);
    await inspector.page.locator('#steps li').nth(backend.events.length - 1).waitFor({ state: 'attached', timeout: 10_000 });
    return Object.assign(inspector, { backend });
  }

  const rowTexts = (inspector: OpenedInspector) => inspector.page.locator('#steps li .type').allTextContents();

  it('says ready first, then lists the steps and selects the first one', async () => {
    const inspector = await open();
    assert.deepEqual(inspector.fromPage[0], { kind: 'command', method: 'webview/ready', params: {} });
    assert.deepEqual(await rowTexts(inspector), ['OrderPlaced', 'ItemAdded', HOSTILE_TYPE, 'OrderShipped']);
    assert.equal(await inspector.page.locator('h1.title').textContent(), 'Time-Travel Inspector — order-1');
    await inspector.page.locator('#detail h2').waitFor();
    assert.equal(await inspector.page.locator('#detail h2').textContent(), '#1 OrderPlaced');
    assert.equal(await inspector.page.locator('#position').textContent(), 'step 1 of 4');
    assert.deepEqual(inspector.errors, []);
  });

  it('shows the state at a selected step and the diff from the previous step', async () => {
    const inspector = await open();
    await inspector.page.locator('#steps li').nth(1).click();
    await waitUntil(inspector.page, `document.querySelector('#detail h2')?.textContent === '#2 ItemAdded' && !!document.querySelector('#detail pre.state')`);
    const state = JSON.parse((await inspector.page.locator('#detail pre.state').textContent()) ?? '');
    assert.deepEqual(state, { status: 'placed', items: [{ id: 'a', qty: 1 }, { id: 'b', qty: 2 }], total: 30 });
    const rows = await inspector.page.locator('#detail table.diff tbody tr').allTextContents();
    assert.deepEqual(rows.sort(), ['/items/1added{"id":"b","qty":2}', '/totalchanged1030'].sort());
    assert.match((await inspector.page.locator('#detail table.diff caption').textContent()) ?? '', /Changes from #1: 1 added, 1 changed/);
    assert.equal(await inspector.page.locator('#steps li').nth(1).getAttribute('aria-selected'), 'true');
    // Step 1 rebuilt #1 and #0 (before it); step 2 reuses #1 from the page's cache.
    assert.deepEqual(inspector.backend.stateRequests, [1, 0, 2]);
  });

  it('renders markup from events as text, runs none of it and loads nothing else', async () => {
    const inspector = await open();
    await inspector.page.locator('#steps li').nth(2).click();
    await waitUntil(inspector.page, `!!document.querySelector('#detail pre.state')`);
    assert.equal(await inspector.page.locator('#steps li').nth(2).locator('.type').textContent(), HOSTILE_TYPE);
    assert.equal(await inspector.page.locator('#detail h2').textContent(), `#3 ${HOSTILE_TYPE}`);
    const stateText = (await inspector.page.locator('#detail pre.state').textContent()) ?? '';
    assert.equal(JSON.parse(stateText).note, HOSTILE_NOTE);
    assert.ok(((await inspector.page.locator('#detail table.diff').textContent()) ?? '').includes('<script>window.__pwned=2</script>'));
    // Nothing the payload holds became an element or ran.
    assert.equal(await inspector.page.evaluate(`document.querySelectorAll('img, b, #inspector script').length`), 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(await inspector.page.evaluate('window.__pwned'), undefined);
    const own = new Set([`${server.origin}/`, `${server.origin}/media/inspector.js`, `${server.origin}/media/inspector.css`]);
    assert.deepEqual(inspector.requests.filter((url) => !own.has(url)), [], 'no request left for anything but the page and its media');
    assert.equal(server.served.some((url) => url.startsWith('/x')), false);
  });

  it('has the strict CSP with the page’s nonce, which stops a script without it', async () => {
    const inspector = await open();
    const csp = await inspector.page.evaluate(`document.querySelector('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')`);
    assert.equal(
      csp,
      `default-src 'none'; img-src ${server.origin} data:; style-src ${server.origin}; script-src 'nonce-${inspector.nonce}'; font-src ${server.origin}`,
    );
    assert.equal(await inspector.page.evaluate(`document.querySelector('script[src$="/media/inspector.js"]').nonce`), inspector.nonce);
    await inspector.page.evaluate(`(() => { const s = document.createElement('script'); s.textContent = 'window.__pwned = 4'; document.body.append(s); })()`);
    assert.equal(await inspector.page.evaluate('window.__pwned'), undefined, 'an inline script without the nonce is blocked');
  });

  it('jumps to a sequence that exists, says why another cannot be jumped to, and scrubs with the slider', async () => {
    const inspector = await open();
    await inspector.page.locator('#jump-input').fill('12');
    await inspector.page.locator('#jump-input').press('Enter');
    await waitUntil(inspector.page, `document.querySelector('#jump-error').textContent !== ''`);
    assert.equal(await inspector.page.locator('#jump-error').textContent(), 'No event of this aggregate has sequence 12: its sequences run from 1 to 4.');
    assert.equal(await inspector.page.locator('#jump-input').getAttribute('aria-invalid'), 'true');
    await inspector.page.locator('#jump-input').fill('4');
    await inspector.page.locator('#jump-input').press('Enter');
    await waitUntil(inspector.page, `document.querySelector('#detail h2')?.textContent === '#4 OrderShipped'`);
    assert.equal(await inspector.page.locator('#jump-error').textContent(), '');
    assert.equal(await inspector.page.evaluate(`document.querySelector('#slider').value`), '3');
    await inspector.page.locator('#slider').fill('1');
    await waitUntil(inspector.page, `document.querySelector('#detail h2')?.textContent === '#2 ItemAdded'`);
    assert.equal(await inspector.page.locator('#position').textContent(), 'step 2 of 4');
  });

  it('compares two picked steps', async () => {
    const inspector = await open();
    await inspector.page.locator('#mode-compare').click();
    await inspector.page.locator('#set-a').click();
    await inspector.page.locator('#steps li').nth(3).click();
    await inspector.page.locator('#set-b').click();
    await waitUntil(inspector.page, `document.querySelector('#detail table.diff caption')?.textContent.startsWith('From A (#1) to B (#4)')`);
    const rows = await inspector.page.locator('#detail table.diff tbody tr').allTextContents();
    assert.ok(rows.includes('/statuschanged"placed""shipped"'), JSON.stringify(rows));
    assert.deepEqual(await inspector.page.locator('#steps li .marks').allTextContents(), ['A', '', '', 'B']);
    const saved = (await inspector.lastSavedState()) as { mode: string; compareA: number; compareB: number };
    assert.deepEqual([saved.mode, saved.compareA, saved.compareB], ['compare', 1, 4]);
  });

  it('shows a snapshot’s drift and its diff to the selected step', async () => {
    const inspector = await open();
    await inspector.page.locator('#steps li').nth(1).click();
    await inspector.page.locator('#mode-snapshot').click();
    await waitUntil(inspector.page, `!!document.querySelector('#detail .drift')`);
    assert.match((await inspector.page.locator('#detail .drift').textContent()) ?? '', /Drift: 1 differences.*\/total: snapshot has 25, rebuilt has 30/);
    const rows = await inspector.page.locator('#detail table.diff tbody tr').allTextContents();
    assert.deepEqual(rows, ['/totalchanged2530']);
  });

  it('keeps its place across a reload through the saved state', async () => {
    const first = await open();
    await first.page.locator('#steps li').nth(2).click();
    await waitUntil(first.page, `!!document.querySelector('#detail pre.state')`);
    const saved = await first.lastSavedState();
    assert.deepEqual(saved, { version: 1, subject: { aggregateId: 'order-1', store: '/fixture/event_store' }, mode: 'step', selectedSequence: 3, compareA: null, compareB: null, snapshotSequence: null, loadedCount: 4 });
    const second = await open({ savedState: saved });
    await waitUntil(second.page, `document.querySelector('#detail h2')?.textContent.startsWith('#3 ')`);
    assert.equal(await second.page.locator('#steps li').nth(2).getAttribute('aria-selected'), 'true');
  });

  it('appends live steps and reloads after a rewrite', async () => {
    const backend = fixtureBackend();
    const inspector = await open({ backend });
    const fifth = { sequence: 5, type: 'OrderDelivered', data: { status: 'delivered' } };
    backend.events.push(fifth);
    await inspector.post(StepsAppendedNotification.create({ offset: 4, total: 5, steps: [stepOf(fifth)] }));
    await inspector.page.locator('#steps li').nth(4).waitFor({ state: 'attached' });
    assert.equal((await rowTexts(inspector)).at(-1), 'OrderDelivered');
    assert.equal(await inspector.page.locator('#position').textContent(), 'step 1 of 5');
    backend.events.splice(1, 1);
    await inspector.post(StoreRewrittenNotification.create({}));
    await waitUntil(inspector.page, `document.querySelectorAll('#steps li').length === 4`);
    assert.deepEqual(await rowTexts(inspector), ['OrderPlaced', HOSTILE_TYPE, 'OrderShipped', 'OrderDelivered']);
  });
});
