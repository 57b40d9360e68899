"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isIndexing = isIndexing;
exports.progressText = progressText;
exports.indexingRowText = indexingRowText;
exports.openingMessage = openingMessage;
/** True while the store's index is being built: the views have nothing to list yet (and must not say "no store"). */
function isIndexing(status) {
    return status.state === 'opening' && (status.progress === undefined || status.progress.phase === 'indexing');
}
/** "indexing 42%" / "validating 7%" while a store opens; undefined once it is ready or failed. */
function progressText(status) {
    if (status.state !== 'opening')
        return undefined;
    return status.progress ? `${status.progress.phase} ${status.progress.percent}%` : 'indexing';
}
/** The row a view shows in place of its lists while the store is indexed. */
function indexingRowText(status) {
    return `Opening the event store: ${progressText(status) ?? 'indexing'}… the views fill when the index is ready.`;
}
/** The line above a view while stores open (validation goes on after the views fill); undefined when all are ready. */
function openingMessage(stores) {
    const opening = stores.filter((status) => status.state === 'opening');
    if (opening.length === 0)
        return undefined;
    return opening.map((status) => `Event store ${progressText(status)}`).join(' · ');
}
//# sourceMappingURL=storeProgress.js.map