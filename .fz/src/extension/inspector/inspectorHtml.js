"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inspectorCsp = void 0;
exports.inspectorHtml = inspectorHtml;
const webviewShell_1 = require("../webviews/webviewShell");
exports.inspectorCsp = webviewShell_1.webviewCsp;
function inspectorHtml(parts) {
    return (0, webviewShell_1.webviewHtml)(parts, {
        title: 'Time-Travel Inspector',
        body: '<main id="inspector" class="inspector"><p class="note">Loading the inspector…</p></main>',
    });
}
//# sourceMappingURL=inspectorHtml.js.map