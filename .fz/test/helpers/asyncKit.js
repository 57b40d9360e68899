"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.collect = collect;
exports.waitFor = waitFor;
exports.memoryCopySource = memoryCopySource;
const event_1 = require("../../src/engine/model/event");
/** Everything an async iterable yields, in order. */
async function collect(items) {
    const out = [];
    for await (const item of items)
        out.push(item);
    return out;
}
/** Polls `check` until it holds; fails naming `what` after `ms`. */
async function waitFor(what, check, ms = 30_000) {
    const deadline = Date.now() + ms;
    while (!(await check())) {
        if (Date.now() > deadline)
            throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
}
/** A copy source over events in memory, each line as serializeEvent writes it. */
function memoryCopySource(events) {
    return {
        description: 'events in memory',
        total: events.length,
        notEvents: 0,
        async *read() {
            for (const event of events)
                yield { event, raw: (0, event_1.serializeEvent)(event) };
        },
        close: async () => { },
    };
}
//# sourceMappingURL=asyncKit.js.map