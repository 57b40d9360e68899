"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startTestServer = startTestServer;
exports.openInspector = openInspector;
const inspectorHtml_1 = require("../../src/extension/inspector/inspectorHtml");
const inspectorRequests_1 = require("../../src/extension/inspector/inspectorRequests");
const webviewProtocol_1 = require("../../src/shared/webviewProtocol");
const webviewTestHost_1 = require("./webviewTestHost");
function startTestServer() {
    return (0, webviewTestHost_1.startWebviewTestServer)('inspector', inspectorHtml_1.inspectorHtml);
}
/**
 * Opens the inspector page with a fake host: on `ready` it names the
 * subject, and it answers requests with `backend`, as InspectorPanel does.
 */
function openInspector(browser, server, options) {
    return (0, webviewTestHost_1.openWebview)(browser, server, {
        onReady: webviewProtocol_1.SubjectNotification.create(options.subject),
        answer: (message) => (0, inspectorRequests_1.answerRequest)(message, options.backend),
        savedState: options.savedState,
    });
}
//# sourceMappingURL=inspectorHost.js.map