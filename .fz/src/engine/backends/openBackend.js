"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.openBackend = openBackend;
const folderBackend_1 = require("./folder/folderBackend");
const memoryBackend_1 = require("./memory/memoryBackend");
const natsBackend_1 = require("./nats/natsBackend");
const postgresBackend_1 = require("./postgres/postgresBackend");
const storeLocation_1 = require("./storeLocation");
/** `memory://NAME`: a new, empty in-memory store (tests; nothing persists). */
const MEMORY_SCHEME = 'memory://';
/**
 * Opens what the user named (a folder path, `postgres://…`, `nats://…`,
 * or `memory://` in tests) as a StoreBackend: the one door every command
 * and view comes through.
 */
async function openBackend(location, options = {}) {
    if (location.startsWith(MEMORY_SCHEME))
        return new memoryBackend_1.MemoryBackend(location.slice(MEMORY_SCHEME.length) || 'memory');
    const parsed = (0, storeLocation_1.parseStoreLocation)(location);
    switch (parsed.kind) {
        case 'folder':
            return (0, folderBackend_1.openFolderBackend)(parsed.path, options);
        case 'postgres':
            return (0, postgresBackend_1.openPostgresBackend)(parsed.url, urlOptions(options));
        case 'nats':
            return (0, natsBackend_1.openNatsBackend)(parsed.url, urlOptions(options));
    }
}
function urlOptions(options) {
    return {
        write: Boolean(options.writable || options.create),
        ...(options.create ? { create: true } : {}),
        ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    };
}
//# sourceMappingURL=openBackend.js.map