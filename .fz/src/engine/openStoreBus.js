"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STORE_BUS_QUEUE_LIMIT = void 0;
exports.openStoreBus = openStoreBus;
const eventBus_1 = require("./bus/eventBus");
const deadLetter_1 = require("./bus/deadLetter");
const knownEventTypes_1 = require("./bus/knownEventTypes");
const autoSnapshotter_1 = require("./snapshot/autoSnapshotter");
const eventFileAppender_1 = require("./store/eventFileAppender");
const writeLock_1 = require("./store/writeLock");
/**
 * Back-pressure for the store's bus: a caller publishing a large file
 * without awaiting each event waits here instead of holding it all in
 * memory. Safe because nothing subscribed to this bus publishes from a handler.
 */
exports.STORE_BUS_QUEUE_LIMIT = 10_000;
/**
 * The bus over an opened file store: the composition the CLI's `publish`
 * and the language server use. Events go through the store's durable
 * appender (taking the writer lock on the first publish), failed deliveries
 * to the store's dead-letter file, automatic snapshots to its snapshots
 * folder, and sequence numbers continue in the store's detected mode.
 */
function openStoreBus(engine, options) {
    const { config } = options;
    const storage = engine.storage;
    storage.useAppender(() => eventFileAppender_1.EventFileAppender.open(engine.root, { compression: config.compression_enabled, lockWaitMs: writeLock_1.DEFAULT_LOCK_WAIT_MS }));
    const snapshotter = config.enable_snapshots && config.enable_persistence
        ? (0, autoSnapshotter_1.createAutoSnapshotter)({ storage, frequency: config.snapshot_frequency, onSnapshot: () => bus.recordSnapshotsCreated(1) })
        : null;
    const bus = new eventBus_1.EventBus({
        config,
        storage,
        validate: config.schema_validation ? options.validate : undefined,
        sequenceMode: engine.index.sequenceMode,
        deadLetter: new deadLetter_1.FileDeadLetterSink(engine.root),
        afterPersist: snapshotter ? [(events) => snapshotter.afterPersist(events)] : [],
        maxQueueSize: options.maxQueueSize ?? exports.STORE_BUS_QUEUE_LIMIT,
        typeGate: options.allowNewType ? undefined : (0, knownEventTypes_1.eventTypeGate)({ schemaTypes: options.schemaTypes ?? [], configTypes: config.event_types }),
    });
    return {
        bus,
        snapshotter,
        async close() {
            await bus.stop();
            await snapshotter?.flush();
            await storage.close();
        },
    };
}
//# sourceMappingURL=openStoreBus.js.map