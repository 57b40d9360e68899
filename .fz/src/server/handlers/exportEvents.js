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
exports.exportEvents = exportEvents;
const path = __importStar(require("node:path"));
const csvColumns_1 = require("../../engine/export/csvColumns");
const exportEvents_1 = require("../../engine/export/exportEvents");
const writeExportFile_1 = require("../../engine/export/writeExportFile");
const query_1 = require("../../engine/query");
const filterOfParams_1 = require("./filterOfParams");
/** Progress is told at most this often (an export of a million events is not a million messages). */
const PROGRESS_EVERY_MS = 200;
/**
 * Writes the selection (an aggregate, a correlation, listed events or the
 * whole store, narrowed by the view's filter and content query) to the
 * chosen file; progress goes to `report` as events are written.
 */
async function exportEvents(store, params, report) {
    if (!exportEvents_1.EXPORT_FORMATS.includes(params.format))
        throw new Error(`export format must be ${exportEvents_1.EXPORT_FORMATS.join(', ')}, got ${JSON.stringify(params.format)}`);
    if (typeof params.target !== 'string' || !path.isAbsolute(params.target))
        throw new Error('export: the target must be an absolute file path');
    const index = store.engine.index;
    const selected = params.aggregateId !== undefined
        ? index.ordinalsOfAggregate(params.aggregateId)
        : params.correlationId !== undefined
            ? index.ordinalsOfCorrelation(params.correlationId)
            : params.eventIds !== undefined
                ? params.eventIds.flatMap((id) => index.ordinalsOfEventId(id).slice(0, 1))
                : Array.from({ length: index.eventCount }, (_, ordinal) => ordinal);
    const test = (0, query_1.ordinalTestOf)(index, (0, filterOfParams_1.viewFilterOfParams)(params.filter));
    const ordinals = test ? selected.filter(test) : selected;
    let columns;
    try {
        columns = params.format === 'csv' ? (0, csvColumns_1.parseCsvColumns)(params.columns?.length ? params.columns : csvColumns_1.DEFAULT_CSV_COLUMNS) : undefined;
    }
    catch (error) {
        if (error instanceof query_1.QueryError)
            throw new Error(`the CSV ${error.reason}`);
        throw error;
    }
    let done = 0;
    let told = 0;
    async function* counted() {
        for (const ordinal of ordinals) {
            yield ordinal;
            done++;
            if (Date.now() - told > PROGRESS_EVERY_MS) {
                told = Date.now();
                report(done, ordinals.length);
                // Lets the progress notification (and other requests) out between slices.
                await new Promise((resolve) => setImmediate(resolve));
            }
        }
    }
    const bytes = await (0, writeExportFile_1.writeExportFile)(params.target, (0, exportEvents_1.exportChunks)(store.engine, counted(), { format: params.format, ...(columns ? { columns } : {}) }), { overwrite: true });
    report(ordinals.length, ordinals.length);
    return { events: ordinals.length, bytes };
}
//# sourceMappingURL=exportEvents.js.map