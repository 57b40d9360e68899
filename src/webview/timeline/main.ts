/// <reference lib="dom" />
/** The timeline page's entry (bundled into media/timeline.js). */
import { isTimelineSavedState } from '../../shared/timelineProtocol';
import { byId } from '../shared/dom';
import { createHostConnection } from '../shared/hostConnection';
import { acquireTypedVsCodeApi } from '../shared/vscodeApi';
import { startTimelinePage } from './timelinePage';

const api = acquireTypedVsCodeApi(isTimelineSavedState);
const host = createHostConnection({ post: (message) => api.postMessage(message), timeoutMs: 60_000 });
startTimelinePage(
  {
    toolbar: byId('toolbar', HTMLDivElement),
    filters: byId('filters', HTMLDivElement),
    minimap: byId('minimap', HTMLCanvasElement),
    plot: byId('plot', HTMLDivElement),
    lanes: byId('lanes', HTMLCanvasElement),
    tooltip: byId('tooltip', HTMLDivElement),
    legend: byId('legend', HTMLDivElement),
    status: byId('status', HTMLDivElement),
    otherLanes: byId('other-lanes', HTMLDivElement),
  },
  host,
  api,
);
