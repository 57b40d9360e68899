import { webviewCsp, webviewHtml, type WebviewPageParts } from '../webviews/webviewShell';

/** The inspector's page: the shared webview frame around an empty root the script fills. */
export type InspectorHtmlParts = WebviewPageParts;

export const inspectorCsp = webviewCsp;

export function inspectorHtml(parts: InspectorHtmlParts): string {
  return webviewHtml(parts, {
    title: 'Time-Travel Inspector',
    body: '<main id="inspector" class="inspector"><p class="note">Loading the inspector…</p></main>',
  });
}
