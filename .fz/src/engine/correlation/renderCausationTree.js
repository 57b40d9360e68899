"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DRAWN_LEVELS = void 0;
exports.formatGap = formatGap;
exports.renderCausationTree = renderCausationTree;
exports.causationTreeLines = causationTreeLines;
const timestamp_1 = require("../model/timestamp");
/**
 * The causation forest as text for the CLI:
 *
 *   trade_decision_made  trader_1 #12  2024-01-15T10:30:00.000Z  3f2a…
 *   ├─ trade_executed  trader_1 #13  +12 ms  9c1d…
 *   │  └─ risk_alert  risk_1 #5  +3 ms  77aa…
 *   └─ performance_update  perf #9  +1.2 s  0b3e…
 */
function formatGap(ms) {
    if (ms === null)
        return '+? ms';
    const sign = ms < 0 ? '-' : '+';
    const abs = Math.abs(ms);
    if (abs < 10 && !Number.isInteger(abs))
        return `${sign}${abs.toFixed(3).replace(/\.?0+$/, '')} ms`;
    if (abs < 10_000)
        return `${sign}${Math.round(abs)} ms`;
    if (abs < 600_000)
        return `${sign}${(abs / 1000).toFixed(1)} s`;
    if (abs < 36_000_000)
        return `${sign}${(abs / 60_000).toFixed(1)} min`;
    return `${sign}${(abs / 3_600_000).toFixed(1)} h`;
}
function shortId(id) {
    return id.length > 8 ? id.slice(0, 8) : id;
}
function label(node, isRoot, escape) {
    const e = node.event;
    const parts = [escape(e.eventType), `${e.aggregateId === null ? '(no aggregate)' : escape(e.aggregateId)} #${Number.isNaN(e.sequenceNumber) ? '?' : e.sequenceNumber}`];
    if (isRoot)
        parts.push(Number.isFinite(e.timestampMs) ? (0, timestamp_1.formatTimestamp)(e.timestampMs) : '(no time)');
    else
        parts.push(formatGap(node.sinceCauseMs));
    parts.push(escape(shortId(e.eventId)));
    const notes = [];
    if (node.brokenCause)
        notes.push(`cause ${escape(shortId(e.causationId ?? ''))} is not in this correlation`);
    if (node.cycle)
        notes.push('causation loops back here; the loop was cut');
    if (node.duplicateId)
        notes.push('duplicate event id');
    return `${parts.join('  ')}${notes.length > 0 ? `  [${notes.join('; ')}]` : ''}`;
}
/**
 * Levels of tree lines drawn in full; below that a line keeps the last ones
 * and says its level, so each line stays short however deep the chain (a
 * 100,000-event chain drawn in full would be gigabytes of indentation).
 */
exports.DRAWN_LEVELS = 32;
const LEVEL_WIDTH = 3;
/** `escape` makes each field from the store safe for where the text goes (the CLI: a terminal). */
function renderCausationTree(forest, escape = (text) => text) {
    return [...causationTreeLines(forest, escape)].join('\n');
}
/** The tree's lines one by one, for a printer that streams them; iterative, so no chain depth overflows the stack. */
function* causationTreeLines(forest, escape = (text) => text) {
    for (const root of forest.roots) {
        yield label(root, true, escape);
        const stack = [];
        for (let i = root.children.length - 1; i >= 0; i--) {
            stack.push({ node: root.children[i], prefix: '', level: 1, last: i === root.children.length - 1 });
        }
        while (stack.length > 0) {
            const { node, prefix, level, last } = stack.pop();
            const deepMark = level > exports.DRAWN_LEVELS ? `[level ${level.toLocaleString('en')}] ` : '';
            yield `${deepMark}${prefix}${last ? '└─ ' : '├─ '}${label(node, false, escape)}`;
            const grown = `${prefix}${last ? '   ' : '│  '}`;
            const childPrefix = grown.length > exports.DRAWN_LEVELS * LEVEL_WIDTH ? grown.slice(LEVEL_WIDTH) : grown;
            for (let i = node.children.length - 1; i >= 0; i--) {
                stack.push({ node: node.children[i], prefix: childPrefix, level: level + 1, last: i === node.children.length - 1 });
            }
        }
    }
    const summary = [`${forest.eventCount} event(s)`, `${forest.aggregates.length} aggregate(s)`];
    if (forest.durationMs !== null)
        summary.push(`over ${formatGap(forest.durationMs).slice(1)}`);
    if (forest.brokenLinks > 0)
        summary.push(`${forest.brokenLinks} broken causation link(s)`);
    if (forest.cycles > 0)
        summary.push(`${forest.cycles} causation loop(s)`);
    if (forest.duplicateIds > 0)
        summary.push(`${forest.duplicateIds} duplicate id(s)`);
    yield summary.join(', ');
}
//# sourceMappingURL=renderCausationTree.js.map