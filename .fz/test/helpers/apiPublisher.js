"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * A publisher through the engine's API (openStore + openStoreBus), for the
 * concurrent-writer test and bench: it opens the store's bus, publishes a
 * few events, closes (releasing the writer lock so others get turns), and
 * again, until killed. A publish that fails (the lock held by another
 * writer) is printed as `fail <message>` and tried again on the same bus,
 * as a long-running application would: the bus must not reuse numbers it
 * read before another writer appended. Each acknowledged event is printed
 * as `ack <event_id> <sequence_number>` once its publish resolved.
 *
 *   apiPublisher <store> <name> [eventsPerTurn]
 */
const busConfig_1 = require("../../src/engine/config/busConfig");
const openStore_1 = require("../../src/engine/openStore");
const openStoreBus_1 = require("../../src/engine/openStoreBus");
async function turn(store, name, events, counter) {
    const engine = await (0, openStore_1.openStore)(store, { threads: 1 });
    const config = { ...busConfig_1.DEFAULT_CONFIG, enable_persistence: true, enable_snapshots: false, processing_interval: 0, health_check_interval: 0 };
    const { bus, close } = (0, openStoreBus_1.openStoreBus)(engine, { config });
    try {
        await bus.start();
        // Several publishes in flight at once, as an application would.
        await Promise.all(Array.from({ length: events }, async () => {
            const n = counter.n++;
            for (;;) {
                try {
                    const event = await bus.publish('trade_executed', { publisher: name, n }, { source: name, aggregate_id: `${name}_${n % 3}` });
                    process.stdout.write(`ack ${event.metadata.event_id} ${event.metadata.sequence_number}\n`);
                    return;
                }
                catch (error) {
                    process.stdout.write(`fail ${error.message.split('\n')[0]}\n`);
                    await new Promise((resolve) => setTimeout(resolve, 30));
                }
            }
        }));
    }
    finally {
        await close();
        await engine.close();
    }
}
async function main() {
    const [store, name, perTurn] = process.argv.slice(2);
    if (!store || !name)
        throw new Error('usage: apiPublisher <store> <name> [eventsPerTurn]');
    const counter = { n: 0 };
    process.stdout.write('ready\n');
    for (;;)
        await turn(store, name, Number(perTurn ?? 5), counter);
}
main().catch((error) => {
    process.stderr.write(`apiPublisher: ${error.stack ?? String(error)}\n`);
    process.exit(1);
});
//# sourceMappingURL=apiPublisher.js.map