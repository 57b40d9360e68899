"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.publishCommand = void 0;
const knownEventTypes_1 = require("../../engine/bus/knownEventTypes");
const publishValidation_1 = require("../../engine/bus/publishValidation");
const event_1 = require("../../engine/model/event");
const args_1 = require("../args");
const output_1 = require("../output");
const storeAccess_1 = require("../storeAccess");
const openStoreBus_1 = require("../../engine/openStoreBus");
const publishValidator_1 = require("../../engine/schema/publishValidator");
const usage = `Usage: eventbus publish TYPE --data JSON [--aggregate A] [--correlation C]
                        [--causation C] [--source S] [--tag KEY=VALUE]...
                        [--schema-version V] [--allow-new-type] [--store DIR] [--json]

Publishes one event through the bus into the store: metadata assigned,
validated against the store's schema (exit 1 when rejected), appended
durably. Prints the stored event. --data is parsed as JSON, never evaluated.

  --data JSON           the event's data (required), e.g. '{"symbol":"BTCUSDT","price":50000}'
  --aggregate A         aggregate_id
  --correlation C       correlation_id
  --causation C         causation_id (the event that caused this one)
  --source S            source (default "cli")
  --tag KEY=VALUE       a tag; repeat for more
  --schema-version V    schema_version (default: the newest the store has for TYPE, else 1.0)
  --allow-new-type      publish a TYPE the store does not know (not built in, no schema
                        folder, not in "event_types" of eventbus.config.json); refused otherwise,
                        since a Python reader's EventType(value) raises on it
  --store DIR           the event store (default ./event_store)
  --json                print the stored event pretty-printed instead of one line`;
function parseData(text) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new output_1.UsageError(`--data is not valid JSON: ${error.message}`);
    }
}
function parseTags(pairs) {
    const tags = {};
    for (const pair of pairs) {
        const at = pair.indexOf('=');
        if (at <= 0)
            throw new output_1.UsageError(`--tag expects KEY=VALUE, got "${pair}"`);
        tags[pair.slice(0, at)] = pair.slice(at + 1);
    }
    return tags;
}
exports.publishCommand = {
    name: 'publish',
    usage,
    async run(argv, io) {
        const { values, positionals } = (0, args_1.parseCommandArgs)(argv, {
            ...args_1.COMMON_OPTIONS,
            ...args_1.JSON_OPTION,
            data: { type: 'string' },
            aggregate: { type: 'string' },
            correlation: { type: 'string' },
            causation: { type: 'string' },
            source: { type: 'string' },
            tag: { type: 'string', multiple: true },
            'schema-version': { type: 'string' },
            'allow-new-type': { type: 'boolean' },
        }, true);
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        if (positionals.length !== 1)
            throw new output_1.UsageError('expected one event type: eventbus publish TYPE --data JSON');
        const type = positionals[0];
        const dataText = (0, args_1.required)('data', values.data);
        const data = parseData(dataText);
        const tags = parseTags(values.tag ?? []);
        const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
        const { config } = await (0, storeAccess_1.loadCliConfig)(io, storePath);
        const { event, line } = await (0, storeAccess_1.withStore)(io, storePath, async ({ engine }) => {
            const registry = await (0, storeAccess_1.loadStoreSchemas)(engine.root);
            const { bus, close } = (0, openStoreBus_1.openStoreBus)(engine, {
                config,
                validate: (0, publishValidator_1.publishValidator)(registry),
                schemaTypes: registry.types().filter((t) => registry.hasType(t)),
                allowNewType: values['allow-new-type'] === true,
            });
            try {
                const published = await bus.publish(type, data, {
                    source: values.source ?? 'cli',
                    aggregate_id: values.aggregate ?? null,
                    correlation_id: values.correlation ?? null,
                    causation_id: values.causation ?? null,
                    schema_version: values['schema-version'] ?? registry.newestVersion(type) ?? '1.0',
                    // Written as given: `1.0` and 20-digit integers keep their text.
                    dataText,
                    ...(Object.keys(tags).length > 0 ? { tags } : {}),
                });
                await close();
                // What is on disk, byte for byte (the store's style, the numbers as given).
                await engine.refresh();
                const [ordinal] = engine.index.ordinalsOfEventId(published.metadata.event_id);
                return { event: published, line: ordinal === undefined ? (0, event_1.serializeEvent)(published) : await engine.readLine(ordinal) };
            }
            catch (error) {
                if (error instanceof publishValidation_1.EventValidationError || error instanceof knownEventTypes_1.UnknownEventTypeError)
                    throw new output_1.CliFailure((0, output_1.oneLine)(error.message), output_1.EXIT_PROBLEMS);
                throw new output_1.CliFailure((0, output_1.oneLine)(error.message));
            }
            finally {
                await close();
            }
        });
        if (values.json)
            (0, output_1.printJson)(io, event);
        else
            (0, output_1.printLine)(io, line);
        return output_1.EXIT_OK;
    },
};
//# sourceMappingURL=publish.js.map