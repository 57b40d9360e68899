"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tailCommand = void 0;
const event_1 = require("../../engine/model/event");
const args_1 = require("../args");
const eventFilters_1 = require("../eventFilters");
const query_1 = require("../../engine/query");
const output_1 = require("../output");
const storeAccess_1 = require("../storeAccess");
const terminalText_1 = require("../format/terminalText");
const usage = `Usage: eventbus tail [--follow] [--lines N] [filters] [--store DIR]

Prints the last N matching events as JSON Lines; with --follow keeps
printing events as they are appended (including when the bus moves on to a
new day's file) until interrupted.

  --follow, -f      keep following appends
  --lines N, -n N   how many existing events to print first (default 10)
${eventFilters_1.FILTER_USAGE}
  --store DIR       the event store (default ./event_store)
  --json            accepted for symmetry: the output is JSON Lines either way`;
exports.tailCommand = {
    name: 'tail',
    usage,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommandArgs)(argv, {
            ...args_1.COMMON_OPTIONS,
            ...args_1.JSON_OPTION,
            ...args_1.FILTER_OPTIONS,
            follow: { type: 'boolean', short: 'f' },
            lines: { type: 'string', short: 'n' },
        });
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        const lines = (0, args_1.integerOption)('lines', values.lines) ?? 10;
        const filter = (0, eventFilters_1.filterOfOptions)(values);
        const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
        const { backend, engine } = await (0, storeAccess_1.openForCli)(io, storePath);
        try {
            const out = new output_1.LineWriter(io);
            const print = async (ordinals) => {
                for (const ordinal of ordinals)
                    await out.line((0, terminalText_1.jsonTerminalSafe)((0, event_1.serializeEvent)(await engine.readEvent(ordinal))));
                await out.flush();
            };
            await print(lines === 0 ? [] : lastMatching(engine, filter, lines));
            if (!values.follow)
                return output_1.EXIT_OK;
            // Ordinals grow with appends (files in day order, then line), so "new"
            // means at or past the count we had: only those are looked at, one by
            // one, never the whole store again.
            let seen = engine.index.eventCount;
            let printing = Promise.resolve();
            const stop = engine.watch((delta) => {
                printing = printing.then(async () => {
                    if (delta.rebuiltFiles.length > 0)
                        io.stderr(`re-indexed ${(0, terminalText_1.terminalSafe)(delta.rebuiltFiles.join(', '))} (changed or shrunk)\n`);
                    for (const problem of delta.newProblems)
                        io.stderr(`${(0, terminalText_1.terminalSafe)(problem.file)}:${problem.line}: ${(0, terminalText_1.terminalSafe)(problem.message)}\n`);
                    const from = seen;
                    seen = engine.index.eventCount;
                    await print(matchingBetween((0, query_1.ordinalTestOf)(engine.index, filter), from, seen));
                });
            });
            await io.interrupted;
            await stop();
            await printing;
            return output_1.EXIT_OK;
        }
        finally {
            await backend.close();
        }
    },
};
/**
 * The last `count` matching events: from a lookup's group when the filter
 * names one, else by walking back from the store's end, so a tail of a
 * million events looks at the events it prints, not at all of them.
 */
function lastMatching(engine, filter, count) {
    if ((0, query_1.hasLookup)(filter))
        return (0, query_1.selectOrdinals)(engine.index, filter).slice(-count);
    const test = (0, query_1.ordinalTestOf)(engine.index, filter);
    const found = [];
    for (let ordinal = engine.index.eventCount - 1; ordinal >= 0 && found.length < count; ordinal--) {
        if (!test || test(ordinal))
            found.push(ordinal);
    }
    return found.reverse();
}
/** Matching ordinals in [from, to), in store order; the test is made after the index grew to `to` (its masks cover only the ordinals it saw). */
function* matchingBetween(test, from, to) {
    for (let ordinal = from; ordinal < to; ordinal++)
        if (!test || test(ordinal))
            yield ordinal;
}
//# sourceMappingURL=tail.js.map