import { escapeHtml } from '../../webview/shared/escape';

/**
 * The HTML frame every webview page of the extension shares: a strict CSP
 * (nothing remote, scripts only with the page's nonce and only from the
 * extension's media folder, styles and fonts only from there too), the page's stylesheet and bundled
 * script. A pure function, so the headless browser tests serve exactly what
 * the panels show; no value from the store ever goes into this markup.
 */
export interface WebviewPageParts {
  /** Fresh per page load (see nonce.ts). */
  readonly nonce: string;
  /** `webview.cspSource`: the origin webview resources are served from. */
  readonly cspSource: string;
  /** `webview.asWebviewUri(media/<page>.js)`. */
  readonly scriptUri: string;
  /** `webview.asWebviewUri(media/<page>.css)`. */
  readonly styleUri: string;
}

const NONCE_PATTERN = /^[A-Za-z0-9+/_=-]{16,}$/;

export function webviewCsp(parts: Pick<WebviewPageParts, 'nonce' | 'cspSource'>): string {
  if (!NONCE_PATTERN.test(parts.nonce)) throw new Error('the CSP nonce must be at least 16 base64 characters');
  return [
    `default-src 'none'`,
    `img-src ${parts.cspSource} data:`,
    `style-src ${parts.cspSource}`,
    `script-src 'nonce-${parts.nonce}'`,
    `font-src ${parts.cspSource}`,
  ].join('; ');
}

/**
 * A second policy, which every script must satisfy as well: only scripts
 * served from the extension's media, so even a script carrying the nonce
 * cannot be loaded from anywhere else (one policy's sources are a union:
 * the nonce alone would admit a remote script).
 */
export function webviewScriptOriginCsp(parts: Pick<WebviewPageParts, 'cspSource'>): string {
  return `script-src ${parts.cspSource}`;
}

/** The page: `body` is the page's own static markup (no event data). */
export function webviewHtml(parts: WebviewPageParts, page: { readonly title: string; readonly body: string }): string {
  const attr = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(webviewCsp(parts))}">
<meta http-equiv="Content-Security-Policy" content="${attr(webviewScriptOriginCsp(parts))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(parts.styleUri)}">
<title>${attr(page.title)}</title>
</head>
<body>
${page.body}
<script nonce="${attr(parts.nonce)}" src="${attr(parts.scriptUri)}"></script>
</body>
</html>
`;
}
