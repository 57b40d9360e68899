import { escapeHtml } from '../../webview/shared/escape';

/**
 * The inspector's HTML shell: a strict CSP with a nonce, the stylesheet and
 * the bundled script from media/, and an empty root the script fills. A pure
 * function of its parts, so the headless browser tests serve exactly what
 * the panel shows. No value from the store ever goes into this markup.
 */
export interface InspectorHtmlParts {
  /** Fresh per page load (see nonce.ts). */
  readonly nonce: string;
  /** `webview.cspSource`: the origin webview resources are served from. */
  readonly cspSource: string;
  /** `webview.asWebviewUri(media/inspector.js)`. */
  readonly scriptUri: string;
  /** `webview.asWebviewUri(media/inspector.css)`. */
  readonly styleUri: string;
}

const NONCE_PATTERN = /^[A-Za-z0-9+/_=-]{16,}$/;

export function inspectorCsp(parts: Pick<InspectorHtmlParts, 'nonce' | 'cspSource'>): string {
  if (!NONCE_PATTERN.test(parts.nonce)) throw new Error('the CSP nonce must be at least 16 base64 characters');
  return [
    `default-src 'none'`,
    `img-src ${parts.cspSource} data:`,
    `style-src ${parts.cspSource}`,
    `script-src 'nonce-${parts.nonce}'`,
    `font-src ${parts.cspSource}`,
  ].join('; ');
}

export function inspectorHtml(parts: InspectorHtmlParts): string {
  const attr = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(inspectorCsp(parts))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(parts.styleUri)}">
<title>Time-Travel Inspector</title>
</head>
<body>
<main id="inspector" class="inspector"><p class="note">Loading the inspector…</p></main>
<script nonce="${attr(parts.nonce)}" src="${attr(parts.scriptUri)}"></script>
</body>
</html>
`;
}
