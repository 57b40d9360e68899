/**
 * The timeline page's HTML shell, as a pure function of the URIs and nonce
 * (tested without VS Code). A strict CSP: no network, scripts only with the
 * nonce, styles from the extension's media folder; everything else is built
 * by the script with text nodes.
 */
import { randomBytes } from 'node:crypto';
import { escapeHtml } from '../../webview/shared/escape';

export interface TimelineHtmlInputs {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

export function buildTimelineHtml(inputs: TimelineHtmlInputs): string {
  const nonce = escapeHtml(inputs.nonce);
  const csp = [
    "default-src 'none'",
    `style-src ${inputs.cspSource}`,
    `img-src ${inputs.cspSource} data:`,
    `font-src ${inputs.cspSource}`,
    `script-src 'nonce-${inputs.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(inputs.styleUri)}">
<title>Event Timeline</title>
</head>
<body>
<div id="toolbar" class="toolbar" role="toolbar" aria-label="Timeline"></div>
<canvas id="minimap" class="minimap" aria-label="Events over the whole store; drag to choose a range"></canvas>
<div id="plot" class="plot">
<canvas id="lanes" class="lanes" tabindex="0" aria-label="Events per lane over time. Keys: + and - zoom, arrows pan, Home and End go to the first and last event, F fits"></canvas>
<div id="tooltip" class="tooltip" role="tooltip" hidden></div>
</div>
<div id="legend" class="legend" aria-label="Event types"></div>
<div id="status" class="status" role="status"></div>
<script nonce="${nonce}" src="${escapeHtml(inputs.scriptUri)}"></script>
</body>
</html>
`;
}

/** A fresh nonce per page load (128 random bits, hex). */
export function makeNonce(): string {
  return randomBytes(16).toString('hex');
}
