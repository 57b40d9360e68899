"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.refreshStore = refreshStore;
const storeFindings_1 = require("../storeFindings");
/**
 * "Refresh": re-reads the store now instead of waiting for the watcher
 * (a network drive that sends no change events, a file replaced while the
 * watcher was busy): the index catches up, the whole store is validated
 * again and published, and the client's views follow the storeChanged
 * notification this sends. Schemas and settings reload through a settings
 * change, as before.
 */
async function refreshStore(ctx, store) {
    const { session, engine } = store;
    const delta = await engine.refresh();
    const before = (0, storeFindings_1.filesOf)(session.findings);
    session.findings = await (0, storeFindings_1.fullStorePass)(engine, { registry: session.registry, config: session.config, threads: 2 });
    session.lastRefresh = new Date();
    // Files that had findings and have none now must be published too (as empty).
    ctx.findingsChanged(session, new Set([...before, ...(0, storeFindings_1.filesOf)(session.findings)]), 'changed', delta);
    return {
        storeRoot: store.root,
        eventCount: engine.index.eventCount,
        files: engine.index.files.length,
        appendedEvents: delta.appendedEvents,
        problems: ctx.problemsOf(session),
    };
}
//# sourceMappingURL=writeRefresh.js.map