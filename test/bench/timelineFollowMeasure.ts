/**
 * Issue 5's follow-mode figure: with the timeline following "now" over the
 * 1,000,000-event store, how long from appending an event line to the day
 * file until the page has drawn its mark. The chain measured is the
 * product's: chokidar sees the write, the server refreshes its index and
 * notifies, the host forwards the change (as TimelinePanel.storeChanged
 * does), the page asks for bins of its moved range and paints the mark.
 *
 * The store is a copy in which only the newest day file is a real copy;
 * the others are hard links (never written), so the cached bench store is
 * left as it was.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StoreGrewNotification } from '../../src/shared/timelineProtocol';
import { startServer } from '../lsp/lspClient';
import { openTimeline, startTimelineServer } from '../webview/timelineTestHost';
import { launchChromium } from '../webview/playwright';
import type { Figure, Measure } from './measures';

const APPENDS = 10;
const FOLLOW_SPAN_MS = 60_000;

function linkedCopy(store: string): { copy: string; lastFile: string; cleanup: () => void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-follow-bench-'));
  const copy = path.join(folder, 'event_store');
  const eventsDir = path.join(store, 'events');
  const days = fs.readdirSync(eventsDir).filter((f) => f.endsWith('.jsonl')).sort();
  const newest = days[days.length - 1];
  const walk = (from: string, to: string) => {
    fs.mkdirSync(to, { recursive: true });
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      if (entry.name === '.eventbus') continue;
      const source = path.join(from, entry.name);
      const target = path.join(to, entry.name);
      if (entry.isDirectory()) walk(source, target);
      else if (source === path.join(eventsDir, newest)) fs.copyFileSync(source, target);
      else fs.linkSync(source, target);
    }
  };
  walk(store, copy);
  return { copy, lastFile: path.join(copy, 'events', newest), cleanup: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/** The file's last event line with a new id and a timestamp `stepMs` after its own. */
function nextLine(file: string, stepMs: number): { line: string; eventId: string; timestampMs: number } {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.trimEnd().split('\n');
  const last = JSON.parse(lines[lines.length - 1]) as { metadata: { event_id: string; timestamp: string } };
  const timestampMs = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(last.metadata.timestamp) ? last.metadata.timestamp : `${last.metadata.timestamp}Z`) + stepMs;
  last.metadata.event_id = randomUUID();
  last.metadata.timestamp = new Date(timestampMs).toISOString();
  return { line: JSON.stringify(last), eventId: last.metadata.event_id, timestampMs };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

export const timelineFollowMeasures: Measure[] = [
  {
    name: 'timeline-follow',
    runs: 1,
    async run(storeArg) {
      const store = process.env.EVENTBUS_BENCH_STORE || storeArg;
      if (!store || !fs.existsSync(path.join(store, 'events'))) throw new Error(`timeline-follow needs the bench store, got "${store}"`);
      const { copy, lastFile, cleanup } = linkedCopy(store);
      const client = await startServer({ folder: path.dirname(copy), settings: { storePath: copy, eventFileGlob: '**/events/*.jsonl' } });
      const web = await startTimelineServer();
      const browser = await launchChromium();
      try {
        const opened = await client.waitForStoreChanged((p) => p.reason === 'opened', 180_000);
        const first = nextLine(lastFile, 0);
        const timeline = await openTimeline(browser, web, {
          backend: client.connection,
          store: { store: opened.storeRoot, label: 'follow', eventCount: opened.eventCount },
          savedState: { version: 1, range: { from: first.timestampMs - FOLLOW_SPAN_MS, to: first.timestampMs + 1000 }, lane: 'aggregate', hiddenTypes: [], follow: true, selectedEventId: null },
          viewport: { width: 1400, height: 800 },
        });
        const page = timeline.page;
        const seen = async (eventId: string, timeoutMs: number) => {
          const deadline = Date.now() + timeoutMs;
          while ((await page.evaluate(`document.getElementById('lanes').dataset.lastMarkId`)) !== eventId) {
            if (Date.now() > deadline) throw new Error(`the timeline did not draw event ${eventId} within ${timeoutMs} ms; status: ${await page.locator('#status').textContent()}`);
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
        };
        const firstDeadline = Date.now() + 60_000;
        while (Number(await page.evaluate(`document.getElementById('lanes').dataset.marks || 0`)) === 0) {
          if (Date.now() > firstDeadline) throw new Error('the followed range shows no marks before anything is appended');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const toMark: number[] = [];
        const toNotice: number[] = [];
        let count = opened.eventCount;
        for (let k = 1; k <= APPENDS; k++) {
          const next = nextLine(lastFile, 2000);
          const noticed = client.waitForStoreChanged((p) => p.eventCount > count, 10_000);
          const started = performance.now();
          fs.appendFileSync(lastFile, `${next.line}\n`);
          const change = await noticed;
          toNotice.push(performance.now() - started);
          count = change.eventCount;
          await timeline.post(StoreGrewNotification.create({ eventCount: change.eventCount, appendedEvents: change.appendedEvents, rewritten: false }));
          await seen(next.eventId, 5000);
          toMark.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 150));
        }
        if (timeline.errors.length > 0) throw new Error(`the timeline page reported errors: ${timeline.errors.join('; ')}`);
        await timeline.close();
        const figures: Figure[] = [
          { name: `timeline follow: append → mark drawn, slowest of ${APPENDS} (${opened.eventCount.toLocaleString('en')}-event store)`, value: Math.max(...toMark), unit: 'ms', target: { max: 500 } },
          { name: 'timeline follow: append → mark drawn, median', value: percentile(toMark, 0.5), unit: 'ms' },
          { name: 'timeline follow: append → server notified the change, median', value: percentile(toNotice, 0.5), unit: 'ms' },
        ];
        return figures;
      } finally {
        await browser.close();
        await web.close();
        await client.stop();
        cleanup();
      }
    },
  },
];
