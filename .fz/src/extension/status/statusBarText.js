"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.statusBarModel = statusBarModel;
const markdown_1 = require("../views/model/markdown");
const storeProgress_1 = require("../views/model/storeProgress");
/**
 * `$(circle-filled) live · 1,234,567 events · 3 errors` over every store
 * (summed in multi-root workspaces); indexing and failure say so instead.
 * Hidden when the workspace has no store.
 */
function statusBarModel(stores) {
    if (stores.length === 0)
        return { visible: false, text: '', tooltip: '' };
    const events = stores.reduce((sum, s) => sum + s.eventCount, 0);
    const errors = stores.reduce((sum, s) => sum + s.problems.error, 0);
    const opening = stores.find((s) => s.state === 'opening');
    const failed = stores.filter((s) => s.state === 'failed');
    const parts = [];
    if (failed.length === stores.length)
        parts.push('$(error) store failed');
    else if (opening)
        parts.push(`$(sync~spin) ${(0, storeProgress_1.progressText)(opening) ?? 'indexing'}`);
    else
        parts.push('$(circle-filled) live');
    parts.push(`${events.toLocaleString('en')} event${events === 1 ? '' : 's'}`);
    if (errors > 0)
        parts.push(`${errors.toLocaleString('en')} error${errors === 1 ? '' : 's'}`);
    const tooltip = stores
        .map((s) => {
        const head = `**${(0, markdown_1.escapeMarkdown)(s.storeRoot)}** — ${(0, storeProgress_1.progressText)(s) ?? s.state}`;
        const refreshed = `last refresh: ${s.lastRefresh ? (0, markdown_1.escapeMarkdown)(s.lastRefresh) : 'not yet'}`;
        const problems = `${s.problems.error} errors, ${s.problems.warning} warnings`;
        return [head, `${s.eventCount.toLocaleString('en')} events in ${s.files} files · ${problems}`, refreshed, ...(s.error ? [(0, markdown_1.escapeMarkdown)(s.error)] : [])].join('  \n');
    })
        .concat(['', 'Click to open the Event Bus status.'])
        .join('\n\n');
    return {
        visible: true,
        text: parts.join(' · '),
        tooltip,
        ...(failed.length > 0 ? { background: 'statusBarItem.errorBackground' } : {}),
    };
}
//# sourceMappingURL=statusBarText.js.map