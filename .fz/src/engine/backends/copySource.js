"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.openCopySource = openCopySource;
const openStore_1 = require("../openStore");
const natsStorage_1 = require("./nats/natsStorage");
const postgresStorage_1 = require("./postgres/postgresStorage");
const storeLocation_1 = require("./storeLocation");
/** Opens a folder store (through its index), a PostgreSQL or a JetStream store, read-only. */
async function openCopySource(location) {
    const parsed = (0, storeLocation_1.parseStoreLocation)(location);
    if (parsed.kind === 'postgres') {
        const storage = await postgresStorage_1.PostgresEventStorage.open(parsed.url);
        const total = await storage.total();
        return {
            description: (0, storeLocation_1.redactUrl)(parsed.url),
            total,
            notEvents: 0,
            read: () => storage.queryRaw({}),
            close: () => storage.close(),
        };
    }
    if (parsed.kind === 'nats') {
        const storage = await natsStorage_1.NatsEventStorage.open(parsed.url);
        return {
            description: storage.describe(),
            total: await storage.total(),
            notEvents: 0,
            read: () => storage.queryRaw({}),
            close: () => storage.close(),
        };
    }
    const engine = await (0, openStore_1.openStore)(parsed.path);
    return {
        description: parsed.path,
        total: engine.index.eventCount,
        notEvents: engine.index.problems.length,
        async *read() {
            for (let ordinal = 0; ordinal < engine.index.eventCount; ordinal++) {
                const raw = await engine.readLine(ordinal);
                yield { event: JSON.parse(raw), raw };
            }
        },
        close: () => engine.close(),
    };
}
//# sourceMappingURL=copySource.js.map