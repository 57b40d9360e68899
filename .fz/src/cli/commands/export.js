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
exports.exportCommand = void 0;
const path = __importStar(require("node:path"));
const csvColumns_1 = require("../../engine/export/csvColumns");
const exportEvents_1 = require("../../engine/export/exportEvents");
const writeExportFile_1 = require("../../engine/export/writeExportFile");
const query_1 = require("../../engine/query");
const args_1 = require("../args");
const eventFilters_1 = require("../eventFilters");
const output_1 = require("../output");
const storeAccess_1 = require("../storeAccess");
const whereOption_1 = require("../whereOption");
const usage = `Usage: eventbus export [--store DIR] [filters] [--where QUERY]
                      [--format jsonl|json|csv] [--columns A,B,…]
                      [--out FILE [--force]] [--limit N]

Writes the matching events: JSONL keeps every event's line byte for byte as
it is on disk, json is an array of those lines, csv the chosen columns.

  --store DIR       the event store (default ./event_store)
${eventFilters_1.FILTER_USAGE}
${whereOption_1.WHERE_USAGE}
  --format F        jsonl (default), json or csv
  --columns LIST    csv columns, query paths separated by commas
                    (default ${csvColumns_1.DEFAULT_CSV_COLUMNS.join(',')})
  --out FILE        write to FILE (through a temp file, renamed when complete);
                    default standard output
  --force           replace FILE when it exists
  --limit N         at most N events`;
exports.exportCommand = {
    name: 'export',
    usage,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommandArgs)(argv, {
            ...args_1.COMMON_OPTIONS,
            ...args_1.FILTER_OPTIONS,
            limit: { type: 'string' },
            where: { type: 'string' },
            format: { type: 'string' },
            columns: { type: 'string' },
            out: { type: 'string' },
            force: { type: 'boolean' },
        });
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        const format = (0, args_1.choiceOption)('format', values.format, exportEvents_1.EXPORT_FORMATS) ?? 'jsonl';
        if (values.columns !== undefined && format !== 'csv')
            throw new output_1.UsageError('--columns applies to --format csv only');
        const columns = format === 'csv' ? csvColumnsOption(values.columns) : undefined;
        const filter = (0, eventFilters_1.filterOfOptions)(values);
        const limit = (0, args_1.integerOption)('limit', values.limit, 1);
        const where = (0, whereOption_1.whereOption)(io, values.where);
        const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
        await (0, storeAccess_1.withStore)(io, storePath, async ({ engine }) => {
            const chunks = (0, exportEvents_1.exportChunks)(engine, (0, query_1.selectMatchingOrdinals)(engine, (0, whereOption_1.withWhere)(filter, where), limit), { format, ...(columns ? { columns } : {}) });
            if (values.out === undefined) {
                for await (const chunk of chunks)
                    io.stdout(chunk.toString('utf8'));
                return;
            }
            const target = path.resolve(io.cwd, values.out);
            try {
                await (0, writeExportFile_1.writeExportFile)(target, chunks, { overwrite: values.force === true });
            }
            catch (error) {
                throw new output_1.CliFailure(`${error.message}${/exists/.test(error.message) ? ' (--force replaces it)' : ''}`);
            }
        });
        return output_1.EXIT_OK;
    },
};
function csvColumnsOption(text) {
    const names = text === undefined ? csvColumns_1.DEFAULT_CSV_COLUMNS : text.split(',').filter((name) => name.trim() !== '');
    if (names.length === 0)
        throw new output_1.UsageError('--columns needs at least one column, e.g. seq,time,type,data.price');
    try {
        return (0, csvColumns_1.parseCsvColumns)(names);
    }
    catch (error) {
        if (error instanceof query_1.QueryError)
            throw new output_1.UsageError(`--columns: ${error.message}`);
        throw error;
    }
}
//# sourceMappingURL=export.js.map