import { UnknownEventTypeError } from '../../engine/bus/knownEventTypes';
import { EventValidationError } from '../../engine/bus/publishValidation';
import { serializeEvent } from '../../engine/model/event';
import { COMMON_OPTIONS, JSON_OPTION, parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { CliFailure, EXIT_OK, EXIT_PROBLEMS, oneLine, printJson, printLine, UsageError } from '../output';
import { loadCliConfig, loadStoreSchemas, resolveStorePath, withStore } from '../storeAccess';
import { openStoreBus } from '../../engine/openStoreBus';
import { publishValidator } from '../../engine/schema/publishValidator';

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

function parseData(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`--data is not valid JSON: ${(error as Error).message}`);
  }
}

function parseTags(pairs: readonly string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--tag expects KEY=VALUE, got "${pair}"`);
    tags[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return tags;
}

export const publishCommand: Command = {
  name: 'publish',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        ...COMMON_OPTIONS,
        ...JSON_OPTION,
        data: { type: 'string' },
        aggregate: { type: 'string' },
        correlation: { type: 'string' },
        causation: { type: 'string' },
        source: { type: 'string' },
        tag: { type: 'string', multiple: true },
        'schema-version': { type: 'string' },
        'allow-new-type': { type: 'boolean' },
      },
      true,
    );
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError('expected one event type: eventbus publish TYPE --data JSON');
    const type = positionals[0];
    const dataText = required('data', values.data);
    const data = parseData(dataText);
    const tags = parseTags(values.tag ?? []);
    const storePath = await resolveStorePath(io, values.store);
    const { config } = await loadCliConfig(io, storePath);
    const { event, line } = await withStore(io, storePath, async ({ engine }) => {
      const registry = await loadStoreSchemas(engine.root);
      const { bus, close } = openStoreBus(engine, {
        config,
        validate: publishValidator(registry),
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
        return { event: published, line: ordinal === undefined ? serializeEvent(published) : await engine.readLine(ordinal) };
      } catch (error) {
        if (error instanceof EventValidationError || error instanceof UnknownEventTypeError) throw new CliFailure(oneLine(error.message), EXIT_PROBLEMS);
        throw new CliFailure(oneLine((error as Error).message));
      } finally {
        await close();
      }
    });
    if (values.json) printJson(io, event);
    else printLine(io, line);
    return EXIT_OK;
  },
};
