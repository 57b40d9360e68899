"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventsCommand = void 0;
const args_1 = require("../args");
const eventFilters_1 = require("../eventFilters");
const output_1 = require("../output");
const storeAccess_1 = require("../storeAccess");
const terminalText_1 = require("../format/terminalText");
const query_1 = require("../../engine/query");
const whereOption_1 = require("../whereOption");
const usage = `Usage: eventbus events [--store DIR] [filters] [--limit N]

Prints the matching events as JSON Lines (each line as stored), in
store order, or in sequence order for one aggregate.

  --store DIR       the event store (default ./event_store)
${eventFilters_1.FILTER_USAGE}
${whereOption_1.WHERE_USAGE}
  --limit N         at most N events
  --json            accepted for symmetry: the output is JSON Lines either way`;
exports.eventsCommand = {
    name: 'events',
    usage,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommandArgs)(argv, { ...args_1.COMMON_OPTIONS, ...args_1.JSON_OPTION, ...args_1.FILTER_OPTIONS, limit: { type: 'string' }, where: { type: 'string' } });
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        const filter = (0, eventFilters_1.filterOfOptions)(values);
        const limit = (0, args_1.integerOption)('limit', values.limit, 1);
        const where = (0, whereOption_1.whereOption)(io, values.where);
        const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
        await (0, storeAccess_1.withStore)(io, storePath, async ({ engine }) => {
            const out = new output_1.LineWriter(io);
            // The stored lines themselves: numbers keep their text (`1.0`, every digit).
            for await (const ordinal of (0, query_1.selectMatchingOrdinals)(engine, (0, whereOption_1.withWhere)(filter, where), limit))
                await out.line((0, terminalText_1.jsonTerminalSafe)((await engine.readLine(ordinal)).replace(/\r$/, '')));
            await out.flush();
        });
        return output_1.EXIT_OK;
    },
};
//# sourceMappingURL=events.js.map