import { answerTimelineRequest, type ServerRequests } from '../../src/extension/timeline/timelineAnswers';
import { buildTimelineHtml } from '../../src/extension/timeline/timelineHtml';
import { StoreInfoNotification, type StoreInfo } from '../../src/shared/timelineProtocol';
import type { Browser, Page } from './playwright';
import { openWebview, startWebviewTestServer, type OpenedWebview, type WebviewTestServer } from './webviewTestHost';

/**
 * The built timeline page with a fake host (see webviewTestHost.ts): the
 * page's requests are answered by the host's own answerTimelineRequest over
 * `backend` (a fixture, or the real language server in the bench).
 */

/** What these tests need of playwright's page beyond the shared slice (real input through CDP). */
export interface InputPage extends Page {
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
    wheel(deltaX: number, deltaY: number): Promise<void>;
    click(x: number, y: number, options?: { clickCount?: number }): Promise<void>;
    dblclick(x: number, y: number): Promise<void>;
  };
  keyboard: { press(key: string): Promise<void>; down(key: string): Promise<void>; up(key: string): Promise<void> };
  setViewportSize(size: { width: number; height: number }): Promise<void>;
}

export type TimelineTestServer = WebviewTestServer;
export type OpenedTimeline = OpenedWebview<InputPage>;

export function startTimelineServer(): Promise<TimelineTestServer> {
  return startWebviewTestServer('timeline', buildTimelineHtml);
}

export function openTimeline(
  browser: Browser,
  server: TimelineTestServer,
  options: { backend: ServerRequests; store?: StoreInfo; savedState?: unknown; viewport?: { width: number; height: number } },
): Promise<OpenedTimeline> {
  const store = options.store ?? { store: '/fixture/event_store', label: 'fixture', eventCount: 0 };
  return openWebview<InputPage>(browser, server, {
    onReady: StoreInfoNotification.create(store),
    answer: (message) => answerTimelineRequest(message, options.backend, store.store),
    savedState: options.savedState,
    prepare: (page) => page.setViewportSize(options.viewport ?? { width: 1000, height: 600 }),
  });
}
