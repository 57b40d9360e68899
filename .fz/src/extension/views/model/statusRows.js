"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.statusRows = statusRows;
exports.busRows = busRows;
const relativeTime_1 = require("./relativeTime");
const n = (value) => value.toLocaleString('en');
const STATE_ICONS = {
    opening: { id: 'sync~spin' },
    ready: { id: 'pass', color: 'testing.iconPassed' },
    failed: { id: 'error', color: 'list.errorForeground' },
};
/** The Status view's rows for one store, in reading order. */
function statusRows(status, counts, nowMs) {
    const p = status.problems;
    const rows = [
        { id: 'state', label: 'State', value: status.state === 'ready' ? 'live' : status.state, icon: STATE_ICONS[status.state] },
    ];
    if (status.error)
        rows.push({ id: 'error', label: 'Error', value: status.error, icon: { id: 'error', color: 'list.errorForeground' }, tooltip: status.error });
    (status.interruptedWork ?? []).forEach((work, i) => rows.push({ id: `interrupted-${i}`, label: 'Interrupted', value: work, icon: { id: 'warning', color: 'list.warningForeground' }, tooltip: work }));
    rows.push({ id: 'events', label: 'Events', value: n(status.eventCount), icon: { id: 'symbol-event' } }, { id: 'files', label: 'Files', value: n(status.files), icon: { id: 'files' } });
    const optional = [
        ['aggregates', 'Aggregates', 'symbol-class'],
        ['correlations', 'Correlations', 'git-merge'],
        ['eventTypes', 'Event types', 'symbol-interface'],
        ['sources', 'Sources', 'radio-tower'],
    ];
    for (const [key, label, icon] of optional) {
        const value = counts[key];
        if (value !== undefined)
            rows.push({ id: key, label, value: n(value), icon: { id: icon } });
    }
    rows.push({ id: 'errors', label: 'Errors', value: n(p.error), icon: p.error > 0 ? { id: 'error', color: 'list.errorForeground' } : { id: 'error' } }, { id: 'warnings', label: 'Warnings', value: n(p.warning), icon: p.warning > 0 ? { id: 'warning', color: 'list.warningForeground' } : { id: 'warning' } }, { id: 'information', label: 'Information', value: n(p.information), icon: { id: 'info' } }, { id: 'hints', label: 'Hints', value: n(p.hint), icon: { id: 'lightbulb' } }, { id: 'sequenceMode', label: 'Sequence mode', value: status.sequenceMode ?? 'unknown', icon: { id: 'list-ordered' }, tooltip: 'global: one bus-wide counter; aggregate: one counter per aggregate' }, { id: 'storeRoot', label: 'Store', value: status.storeRoot, icon: { id: 'database' }, tooltip: status.storeRoot });
    if (status.folder)
        rows.push({ id: 'folder', label: 'Workspace folder', value: status.folder, icon: { id: 'root-folder' }, tooltip: status.folder });
    if (status.bus)
        rows.push(...busRows(status.bus));
    const refreshedMs = status.lastRefresh ? Date.parse(status.lastRefresh) : null;
    rows.push({
        id: 'lastRefresh',
        label: 'Last refresh',
        value: refreshedMs === null ? 'never' : (0, relativeTime_1.formatRelativeTime)(refreshedMs, nowMs),
        icon: { id: 'history' },
        tooltip: status.lastRefresh ?? 'The store has not finished opening.',
    });
    return rows;
}
/** Metrics worth a row of their own; the rest are in the Metrics row's tooltip. */
const HEADLINE_METRICS = [
    ['events_published', 'published'],
    ['events_processed', 'processed'],
    ['events_failed', 'failed'],
];
/** The bus the editor last published through (`getStatus()`): queue, metrics, subscribers, what it persists. */
function busRows(bus) {
    const subscribers = Object.entries(bus.subscribers_count);
    const subscriberTotal = subscribers.reduce((sum, [, count]) => sum + count, 0);
    const metrics = Object.entries(bus.metrics);
    const headline = HEADLINE_METRICS.filter(([key]) => typeof bus.metrics[key] === 'number').map(([key, label]) => `${n(bus.metrics[key])} ${label}`);
    const onOff = (on) => (on ? 'on' : 'off');
    return [
        { id: 'busStatus', label: 'Bus', value: bus.status, icon: { id: 'debug-disconnect' }, tooltip: `The bus the editor last published through, as of ${bus.timestamp}` },
        { id: 'busQueue', label: 'Queue', value: n(bus.queue_size), icon: { id: 'inbox' } },
        {
            id: 'busMetrics',
            label: 'Metrics',
            value: headline.length > 0 ? headline.join(', ') : 'none',
            icon: { id: 'graph' },
            tooltip: metrics.length > 0 ? metrics.map(([key, value]) => `${key}: ${n(value)}`).join('\n') : 'no metrics',
        },
        {
            id: 'busSubscribers',
            label: 'Subscribers',
            value: n(subscriberTotal),
            icon: { id: 'person' },
            tooltip: subscribers.length > 0 ? subscribers.map(([type, count]) => `${type}: ${n(count)}`).join('\n') : 'no subscribers',
        },
        { id: 'busPersistence', label: 'Persistence', value: onOff(bus.persistence_enabled), icon: { id: 'save' } },
        { id: 'busSnapshots', label: 'Snapshots', value: onOff(bus.snapshots_enabled), icon: { id: 'device-camera' } },
    ];
}
//# sourceMappingURL=statusRows.js.map