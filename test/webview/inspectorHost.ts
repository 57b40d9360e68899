import type { InspectorBackend } from '../../src/extension/inspector/inspectorBackend';
import { inspectorHtml } from '../../src/extension/inspector/inspectorHtml';
import { answerRequest } from '../../src/extension/inspector/inspectorRequests';
import { SubjectNotification, type SubjectParams } from '../../src/shared/webviewProtocol';
import type { Browser } from './playwright';
import { openWebview, startWebviewTestServer, type OpenedWebview, type WebviewTestServer } from './webviewTestHost';

/** The built inspector page served with the extension's own HTML builder (see webviewTestHost.ts). */
export type TestServer = WebviewTestServer;
export type OpenedInspector = OpenedWebview;

export function startTestServer(): Promise<TestServer> {
  return startWebviewTestServer('inspector', inspectorHtml);
}

/**
 * Opens the inspector page with a fake host: on `ready` it names the
 * subject, and it answers requests with `backend`, as InspectorPanel does.
 */
export function openInspector(
  browser: Browser,
  server: TestServer,
  options: { backend: InspectorBackend; subject: SubjectParams; savedState?: unknown },
): Promise<OpenedInspector> {
  return openWebview(browser, server, {
    onReady: SubjectNotification.create(options.subject),
    answer: (message) => answerRequest(message, options.backend),
    savedState: options.savedState,
  });
}
