"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.replayCommand = void 0;
const replay_1 = require("../../engine/replay/replay");
const args_1 = require("../args");
const output_1 = require("../output");
const storedText_1 = require("../storedText");
const storeAccess_1 = require("../storeAccess");
const terminalText_1 = require("../format/terminalText");
const usage = `Usage: eventbus replay --aggregate A [--from N] [--to N] [--store DIR] [--json]

Replays an aggregate's stored events in sequence order, upcast to the newest
schema versions, as the bus's replay_events would hand them out.

  --aggregate A   the aggregate (required)
  --from N        from sequence number N
  --to N          up to sequence number N
  --store DIR     the event store (default ./event_store)
  --json          a JSON array of events`;
function describe(event, data) {
    const m = event.metadata;
    return (0, terminalText_1.terminalSafe)(`#${m.sequence_number}  ${m.timestamp}  ${event.event_type}  ${m.event_id}  ${data.length > 120 ? `${data.slice(0, 117)}...` : data}`);
}
exports.replayCommand = {
    name: 'replay',
    usage,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommandArgs)(argv, { ...args_1.COMMON_OPTIONS, ...args_1.JSON_OPTION, aggregate: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } });
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        const aggregateId = (0, args_1.required)('aggregate', values.aggregate);
        const fromSequenceNumber = (0, args_1.integerOption)('from', values.from);
        const toSequenceNumber = (0, args_1.integerOption)('to', values.to);
        const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
        // Numbers as written: each event's stored text, or an upcast one spelled with its line's numbers.
        const { events, texts } = await (0, storeAccess_1.withStore)(io, storePath, async ({ backend, engine }) => {
            const replayed = await (0, replay_1.replayEvents)(backend, { aggregateId, fromSequenceNumber, toSequenceNumber });
            const lines = [];
            const datas = [];
            for (const event of replayed) {
                lines.push(await (0, storedText_1.eventTextOf)(engine, event));
                datas.push(await (0, storedText_1.dataTextOf)(engine, event));
            }
            return { events: replayed, texts: { lines, datas } };
        }, { upcast: true });
        if (values.json)
            (0, output_1.printLine)(io, texts.lines.length === 0 ? '[]' : `[\n  ${texts.lines.join(',\n  ')}\n]`);
        else {
            const out = new output_1.LineWriter(io);
            for (const [i, event] of events.entries())
                await out.line(describe(event, texts.datas[i]));
            await out.flush();
            io.stderr(`${events.length} event${events.length === 1 ? '' : 's'} of ${(0, terminalText_1.terminalSafe)(aggregateId)}\n`);
        }
        return output_1.EXIT_OK;
    },
};
//# sourceMappingURL=replay.js.map