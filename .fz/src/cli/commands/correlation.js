"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.correlationCommand = void 0;
const causationTree_1 = require("../../engine/correlation/causationTree");
const renderCausationTree_1 = require("../../engine/correlation/renderCausationTree");
const args_1 = require("../args");
const output_1 = require("../output");
const causationTreeJson_1 = require("../format/causationTreeJson");
const storeAccess_1 = require("../storeAccess");
const terminalText_1 = require("../format/terminalText");
const usage = `Usage: eventbus correlation ID [--store DIR] [--json]

The causation tree of one correlation, across aggregates: each event under
the event its causation_id names, with the time from cause to effect.

  --store DIR   the event store (default ./event_store)
  --json        the tree as JSON`;
exports.correlationCommand = {
    name: 'correlation',
    usage,
    async run(argv, io) {
        const { values, positionals } = (0, args_1.parseCommandArgs)(argv, { ...args_1.COMMON_OPTIONS, ...args_1.JSON_OPTION }, true);
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        if (positionals.length !== 1)
            throw new output_1.UsageError('expected one correlation id: eventbus correlation ID');
        const correlationId = positionals[0];
        const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
        const forest = await (0, storeAccess_1.withStore)(io, storePath, async ({ engine }) => {
            const events = engine.select({ correlationId });
            if (events.length === 0)
                throw new output_1.CliFailure(`no events with correlation_id ${correlationId} in ${storePath}`, output_1.EXIT_PROBLEMS);
            return (0, causationTree_1.buildCausationTree)(events);
        });
        // Streamed line by line: a 100,000-event causation chain is neither one string nor a recursion.
        const out = new output_1.LineWriter(io);
        if (values.json) {
            const head = {
                correlation_id: correlationId,
                event_count: forest.eventCount,
                aggregates: forest.aggregates,
                duration_ms: forest.durationMs,
                broken_links: forest.brokenLinks,
                cycles: forest.cycles,
                duplicate_ids: forest.duplicateIds,
            };
            for (const line of (0, causationTreeJson_1.causationTreeJsonLines)(head, forest))
                await out.line((0, terminalText_1.jsonTerminalSafe)(line));
        }
        else {
            for (const line of (0, renderCausationTree_1.causationTreeLines)(forest, terminalText_1.terminalSafe))
                await out.line(line);
        }
        await out.flush();
        return output_1.EXIT_OK;
    },
};
//# sourceMappingURL=correlation.js.map