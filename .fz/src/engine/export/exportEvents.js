"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EXPORT_FORMATS = void 0;
exports.exportChunks = exportChunks;
const csvColumns_1 = require("./csvColumns");
exports.EXPORT_FORMATS = ['jsonl', 'json', 'csv'];
const NEWLINE = Buffer.from('\n');
/**
 * The selected events as export bytes, streamed in chunks of about 1 MiB:
 * JSONL is each event's line exactly as on disk, a JSON array holds the
 * same lines as its elements, CSV the chosen columns.
 */
async function* exportChunks(engine, ordinals, options) {
    const parts = [];
    let size = 0;
    let count = 0;
    const push = (part) => {
        parts.push(part);
        size += part.length;
    };
    if (options.format === 'json')
        push(Buffer.from('['));
    if (options.format === 'csv')
        push(Buffer.from((0, csvColumns_1.csvRow)((options.columns ?? []).map((c) => c.header))));
    for await (const ordinal of ordinals) {
        if (options.format === 'csv') {
            const columns = options.columns ?? [];
            const needsBody = columns.some(({ path }) => path.root === 'data' || path.root === 'metadata');
            const subject = { indexed: engine.index.event(ordinal), ...(needsBody ? { event: await engine.readEvent(ordinal) } : {}) };
            push(Buffer.from((0, csvColumns_1.csvRow)((0, csvColumns_1.columnCells)(columns, subject))));
        }
        else {
            if (options.format === 'json')
                push(Buffer.from(count === 0 ? '\n' : ',\n'));
            push(await engine.readLineBytes(ordinal));
            if (options.format === 'jsonl')
                push(NEWLINE);
        }
        count++;
        if (size >= 1 << 20) {
            yield Buffer.concat(parts);
            parts.length = 0;
            size = 0;
        }
    }
    if (options.format === 'json')
        push(Buffer.from(count === 0 ? ']\n' : '\n]\n'));
    if (parts.length > 0)
        yield Buffer.concat(parts);
}
//# sourceMappingURL=exportEvents.js.map