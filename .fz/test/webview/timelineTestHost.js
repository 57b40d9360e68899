"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startTimelineServer = startTimelineServer;
exports.openTimeline = openTimeline;
const timelineAnswers_1 = require("../../src/extension/timeline/timelineAnswers");
const timelineHtml_1 = require("../../src/extension/timeline/timelineHtml");
const timelineProtocol_1 = require("../../src/shared/timelineProtocol");
const webviewTestHost_1 = require("./webviewTestHost");
function startTimelineServer() {
    return (0, webviewTestHost_1.startWebviewTestServer)('timeline', timelineHtml_1.buildTimelineHtml);
}
function openTimeline(browser, server, options) {
    return (0, webviewTestHost_1.openWebview)(browser, server, {
        onReady: timelineProtocol_1.StoreInfoNotification.create(options.store ?? { label: 'fixture', eventCount: 0 }),
        answer: (message) => (0, timelineAnswers_1.answerTimelineRequest)(message, options.backend, undefined),
        savedState: options.savedState,
        prepare: (page) => page.setViewportSize(options.viewport ?? { width: 1000, height: 600 }),
    });
}
//# sourceMappingURL=timelineTestHost.js.map