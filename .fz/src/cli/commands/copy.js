"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.copyCommand = void 0;
const path = __importStar(require("node:path"));
const copyEvents_1 = require("../../engine/backends/copyEvents");
const copySource_1 = require("../../engine/backends/copySource");
const copyTarget_1 = require("../../engine/backends/copyTarget");
const storeLocation_1 = require("../../engine/backends/storeLocation");
const args_1 = require("../args");
const storeAccess_1 = require("../storeAccess");
const output_1 = require("../output");
const usage = `Usage: eventbus copy --from SRC --to URL [--verify] [--no-copy] [--batch N] [--json]

Copies every event of a store into PostgreSQL or NATS JetStream, streaming,
in store order, each line exactly as written (number text and key order
kept). The copy is idempotent by event id: run it again after an
interruption and it copies only what is missing. The target's tables (or
stream and snapshot bucket) are created when missing (the layouts: see
README); the source is only read.

  --from SRC     a store folder, postgres://… or nats://…
  --to URL       postgres://USER@HOST:PORT/DB[?schema=S] (the password from
                 PGPASSWORD or ~/.pgpass, or in the URL: it is never printed)
                 or nats://HOST:PORT[?stream=S&prefix=P] (default stream EVENTS)
  --verify       after copying (or alone, with --no-copy), compare both sides
                 event by event: every event present with the identical line
  --no-copy      only verify
  --batch N      events per insert (default 1000)
  --json         the summary as JSON

Exit 0: copied (and verified); 1: events refused by the target (another
event holds the same aggregate and sequence) or differences found; 2: usage,
connection or I/O error.`;
exports.copyCommand = {
    name: 'copy',
    usage,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommandArgs)(argv, {
            ...args_1.JSON_OPTION,
            help: { type: 'boolean', short: 'h' },
            from: { type: 'string' },
            to: { type: 'string' },
            verify: { type: 'boolean' },
            'no-copy': { type: 'boolean' },
            batch: { type: 'string' },
        });
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        const from = (0, args_1.required)('from', values.from);
        const to = parseLocation((0, args_1.required)('to', values.to));
        if (to.kind === 'folder')
            throw new output_1.UsageError(`--to must be a postgres:// or nats:// URL for now (got the folder ${to.path})`);
        const batchSize = (0, args_1.integerOption)('batch', values.batch, 1) ?? 1_000;
        const fromLocation = parseLocation(from);
        const fromText = fromLocation.kind === 'folder' ? path.resolve(io.cwd, fromLocation.path) : from;
        // A folder that is no store is refused before anything is read or written (exit 2), as every command does.
        if (fromLocation.kind === 'folder')
            (0, storeAccess_1.requireStoreFolder)(fromText);
        let source;
        let target;
        try {
            source = await (0, copySource_1.openCopySource)(fromText);
            target = await (0, copyTarget_1.openCopyTarget)(to.url, { create: !values['no-copy'] });
            let summary;
            if (!values['no-copy']) {
                const progress = (0, output_1.progressReporter)(io, `copying ${source.total} events`);
                summary = await (0, copyEvents_1.copyEvents)(source, target, { batchSize, onProgress: (p) => progress.update(p.read, p.total) });
                progress.done();
            }
            const report = values.verify || values['no-copy'] ? await (0, copyEvents_1.verifyCopy)(source, target, batchSize) : undefined;
            if (values.json)
                (0, output_1.printJson)(io, { from: source.description, to: target.description, copy: summary && jsonOfSummary(summary), verify: report });
            else
                printSummary(io, source.description, target.description, summary, report);
            const refused = (summary?.conflictCount ?? 0) > 0;
            const differs = report !== undefined && (report.differenceCount > 0 || report.extraInTarget > 0);
            return refused || differs ? output_1.EXIT_PROBLEMS : output_1.EXIT_OK;
        }
        catch (error) {
            if (error instanceof output_1.UsageError || error instanceof output_1.CliFailure)
                throw error;
            throw new output_1.CliFailure((0, output_1.oneLine)(error.message));
        }
        finally {
            await source?.close().catch(() => { });
            await target?.close().catch(() => { });
        }
    },
};
function parseLocation(text) {
    try {
        return (0, storeLocation_1.parseStoreLocation)(text);
    }
    catch (error) {
        throw new output_1.UsageError(error.message);
    }
}
function jsonOfSummary(summary) {
    return {
        read: summary.read,
        inserted: summary.inserted,
        already_there: summary.alreadyThere,
        refused: summary.conflictCount,
        refused_first: summary.conflicts.map((c) => ({ event_id: c.event.metadata.event_id, aggregate_id: c.event.metadata.aggregate_id, sequence_number: c.event.metadata.sequence_number })),
        not_events: summary.notEvents,
    };
}
function printSummary(io, from, to, summary, report) {
    (0, output_1.printLine)(io, `from ${JSON.stringify(from)} to ${JSON.stringify(to)}`);
    if (summary) {
        (0, output_1.printLine)(io, `copied ${summary.inserted} events of ${summary.read} read; ${summary.alreadyThere} were already there (same event id: a resumed copy, or an id the source holds twice)`);
        if (summary.notEvents > 0)
            (0, output_1.printLine)(io, `left out ${summary.notEvents} lines that are not events (eventbus validate names them)`);
        if (summary.conflictCount > 0) {
            (0, output_1.printLine)(io, `refused ${summary.conflictCount} events: another event holds the same aggregate and sequence`);
            for (const c of summary.conflicts)
                (0, output_1.printLine)(io, `  ${JSON.stringify(c.event.metadata.event_id)} ${JSON.stringify(c.event.metadata.aggregate_id)} #${c.event.metadata.sequence_number}`);
        }
    }
    if (report) {
        if (report.differenceCount === 0 && report.extraInTarget === 0)
            (0, output_1.printLine)(io, `verified: all ${report.compared} events are in the target with identical lines`);
        else {
            (0, output_1.printLine)(io, `verify: ${report.differenceCount} of ${report.compared} events missing or different; ${report.extraInTarget} events in the target are not in the source`);
            for (const d of report.differences)
                (0, output_1.printLine)(io, `  ${d.problem} ${JSON.stringify(d.eventId)}`);
        }
    }
}
//# sourceMappingURL=copy.js.map