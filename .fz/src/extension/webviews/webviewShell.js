"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.webviewCsp = webviewCsp;
exports.webviewScriptOriginCsp = webviewScriptOriginCsp;
exports.webviewHtml = webviewHtml;
const escape_1 = require("../../webview/shared/escape");
const NONCE_PATTERN = /^[A-Za-z0-9+/_=-]{16,}$/;
function webviewCsp(parts) {
    if (!NONCE_PATTERN.test(parts.nonce))
        throw new Error('the CSP nonce must be at least 16 base64 characters');
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
function webviewScriptOriginCsp(parts) {
    return `script-src ${parts.cspSource}`;
}
/** The page: `body` is the page's own static markup (no event data). */
function webviewHtml(parts, page) {
    const attr = escape_1.escapeHtml;
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
//# sourceMappingURL=webviewShell.js.map