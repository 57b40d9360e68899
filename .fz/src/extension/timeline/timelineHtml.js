"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildTimelineHtml = buildTimelineHtml;
const webviewShell_1 = require("../webviews/webviewShell");
function buildTimelineHtml(inputs) {
    return (0, webviewShell_1.webviewHtml)(inputs, {
        title: 'Event Timeline',
        body: `<div id="toolbar" class="toolbar" role="toolbar" aria-label="Timeline"></div>
<div id="filters" class="toolbar filters" role="search" aria-label="Filter shared with the Event Bus views"></div>
<canvas id="minimap" class="minimap" aria-label="Events over the whole store; drag to choose a range"></canvas>
<div id="plot" class="plot">
<canvas id="lanes" class="lanes" tabindex="0" aria-label="Events per lane over time. Keys: + and - zoom, arrows pan, N and P select the next and previous event, Home and End go to the first and last event, F fits. Click a lane label to pin the lane"></canvas>
<div id="tooltip" class="tooltip" role="tooltip" hidden></div>
<div id="other-lanes" class="other-lanes" role="dialog" aria-label="Lanes folded into (other)" hidden></div>
</div>
<div id="legend" class="legend" aria-label="Event types"></div>
<div id="status" class="status" role="status"></div>`,
    });
}
//# sourceMappingURL=timelineHtml.js.map