"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.backendOf = backendOf;
const folderBackend_1 = require("../../engine/backends/folder/folderBackend");
const backends = new WeakMap();
/**
 * The open store behind the backend seam, for the handlers whose question
 * the seam names (replay, rebuild, snapshots, counts by type). One per
 * opened engine; the session that opened the engine closes it, so this
 * view of it is never closed itself.
 */
function backendOf(store) {
    let backend = backends.get(store.engine);
    if (!backend)
        backends.set(store.engine, (backend = new folderBackend_1.FolderBackend(store.engine, false)));
    return backend;
}
//# sourceMappingURL=handlerBackend.js.map