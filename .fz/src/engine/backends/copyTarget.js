"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.openCopyTarget = openCopyTarget;
const natsStorage_1 = require("./nats/natsStorage");
const postgresStorage_1 = require("./postgres/postgresStorage");
const storeLocation_1 = require("./storeLocation");
/** Opens a PostgreSQL or JetStream store for a copy; with `create`, its tables or stream are made when missing. */
async function openCopyTarget(location, options) {
    const parsed = (0, storeLocation_1.parseStoreLocation)(location);
    if (parsed.kind === 'postgres') {
        const storage = await postgresStorage_1.PostgresEventStorage.open(parsed.url, { create: options.create });
        return {
            description: storage.describe(),
            appendRaw: (batch) => storage.appendRaw(batch),
            total: () => storage.total(),
            lookup: { kind: 'by-id', rawsOf: (ids) => storage.rawsOf(ids) },
            close: () => storage.close(),
        };
    }
    if (parsed.kind === 'nats') {
        const storage = await natsStorage_1.NatsEventStorage.open(parsed.url, { create: options.create });
        return {
            description: `${storage.describe()} (server ${storage.serverVersion()})`,
            appendRaw: (batch) => storage.appendRaw(batch),
            total: () => storage.total(),
            lookup: { kind: 'in-order', read: () => storage.queryRaw({}) },
            lastEventId: () => storage.lastEventId(),
            close: () => storage.close(),
        };
    }
    throw new Error(`${parsed.path}: a copy writes into postgres://… or nats://… for now, not into a folder`);
}
//# sourceMappingURL=copyTarget.js.map