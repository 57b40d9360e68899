import type { Event } from '../../engine/model/event';
import { replayEvents } from '../../engine/replay/replay';
import { COMMON_OPTIONS, integerOption, JSON_OPTION, parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT_OK, LineWriter, printLine } from '../output';
import { dataTextOf, eventTextOf } from '../storedText';
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

function describe(event: Event, data: string): string {
  const m = event.metadata;
  return terminalSafe(`#${m.sequence_number}  ${m.timestamp}  ${event.event_type}  ${m.event_id}  ${data.length > 120 ? `${data.slice(0, 117)}...` : data}`);
}

export const replayCommand: Command = {
  name: 'replay',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...JSON_OPTION, aggregate: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const aggregateId = required('aggregate', values.aggregate);
    const fromSequenceNumber = integerOption('from', values.from);
    const toSequenceNumber = integerOption('to', values.to);
    const storePath = await resolveStorePath(io, values.store);
    // Numbers as written: each event's stored text, or an upcast one spelled with its line's numbers.
    const { events, texts } = await withStore(
      io,
      storePath,
      async ({ backend, engine }) => {
        const replayed = await replayEvents(backend, { aggregateId, fromSequenceNumber, toSequenceNumber });
        const lines: string[] = [];
        const datas: string[] = [];
        for (const event of replayed) {
          lines.push(await eventTextOf(engine, event));
          datas.push(await dataTextOf(engine, event));
        }
        return { events: replayed, texts: { lines, datas } };
      },
      { upcast: true },
    );
    if (values.json) printLine(io, texts.lines.length === 0 ? '[]' : `[\n  ${texts.lines.join(',\n  ')}\n]`);
    else {
      const out = new LineWriter(io);
      for (const [i, event] of events.entries()) await out.line(describe(event, texts.datas[i]));
      await out.flush();
      io.stderr(`${events.length} event${events.length === 1 ? '' : 's'} of ${terminalSafe(aggregateId)}\n`);
    }
    return EXIT_OK;
  },
};
