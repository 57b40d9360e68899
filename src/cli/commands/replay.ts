import type { Event } from '../../engine/model/event';
import { replayEvents } from '../../engine/replay/replay';
import { COMMON_OPTIONS, integerOption, JSON_OPTION, parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT_OK, printJson, printLine, LineWriter } from '../output';
import { resolveStorePath, withStore } from '../storeAccess';
import { terminalSafe } from '../format/terminalText';

const usage = `Usage: eventbus replay --aggregate A [--from N] [--to N] [--store DIR] [--json]

Replays an aggregate's stored events in sequence order, upcast to the newest
schema versions, as the bus's replay_events would hand them out.

  --aggregate A   the aggregate (required)
  --from N        from sequence number N
  --to N          up to sequence number N
  --store DIR     the event store (default ./event_store)
  --json          a JSON array of events`;

function describe(event: Event): string {
  const m = event.metadata;
  const data = JSON.stringify(event.data) ?? 'null';
  const line = `#${m.sequence_number}  ${m.timestamp}  ${event.event_type}  ${m.event_id}  ${data.length > 120 ? `${data.slice(0, 117)}...` : data}`;
  return terminalSafe(line);
}

export const replayCommand: Command = {
  name: 'replay',
  summary: "an aggregate's events in sequence order",
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...JSON_OPTION, aggregate: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const aggregateId = required('aggregate', values.aggregate);
    const fromSequence = integerOption('from', values.from);
    const toSequence = integerOption('to', values.to);
    const storePath = await resolveStorePath(io, values.store);
    const events = await withStore(
      io,
      storePath,
      ({ engine }) => replayEvents(engine.storage, { aggregateId, fromSequence, toSequence }),
      { upcast: true },
    );
    if (values.json) printJson(io, events);
    else {
      const out = new LineWriter(io);
      for (const event of events) await out.line(describe(event));
      await out.flush();
      io.stderr(`${events.length} event${events.length === 1 ? '' : 's'} of ${terminalSafe(aggregateId)}\n`);
    }
    return EXIT_OK;
  },
};
