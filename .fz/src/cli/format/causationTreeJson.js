"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.causationTreeJsonLines = causationTreeJsonLines;
const timestamp_1 = require("../../engine/model/timestamp");
/** One node of `eventbus correlation --json`, without its children (they follow, nested). */
function nodeFields(node) {
    const e = node.event;
    return {
        event_id: e.eventId,
        event_type: e.eventType,
        aggregate_id: e.aggregateId,
        sequence_number: Number.isNaN(e.sequenceNumber) ? null : e.sequenceNumber,
        timestamp: Number.isFinite(e.timestampMs) ? (0, timestamp_1.formatTimestamp)(e.timestampMs) : null,
        file: e.file,
        line: e.line,
        since_cause_ms: node.sinceCauseMs,
        ...(node.brokenCause ? { broken_cause: true } : {}),
        ...(node.cycle ? { cycle: true } : {}),
        ...(node.duplicateId ? { duplicate_id: true } : {}),
    };
}
/** Indentation stops growing here: the JSON stays exact, and a 100,000-deep chain's lines stay short. */
const INDENTED_LEVELS = 32;
function indent(level) {
    return '  '.repeat(Math.min(level, INDENTED_LEVELS) + 1);
}
/**
 * The forest as JSON, one line at a time, without recursion and without the
 * whole text in memory: `{...head, "roots": [ node, ... ]}`, each node
 * `{fields..., "children": [...]}` with its children nested inside it.
 * JSON.stringify of the nested tree overflows the stack on a long causation
 * chain, and its text would not fit in a string.
 */
function* causationTreeJsonLines(head, forest) {
    yield '{';
    for (const [key, value] of Object.entries(head))
        yield `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`;
    yield '  "roots": [';
    const stack = [{ nodes: forest.roots, next: 0, level: 1 }];
    while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (top.next >= top.nodes.length) {
            stack.pop();
            const parent = stack[stack.length - 1];
            // The node whose children just ended is the parent frame's last one taken.
            if (parent)
                yield `${indent(parent.level)}]}${parent.next < parent.nodes.length ? ',' : ''}`;
            continue;
        }
        const node = top.nodes[top.next++];
        const fields = JSON.stringify(nodeFields(node)).slice(0, -1);
        if (node.children.length === 0) {
            yield `${indent(top.level)}${fields},"children":[]}${top.next < top.nodes.length ? ',' : ''}`;
        }
        else {
            yield `${indent(top.level)}${fields},"children":[`;
            stack.push({ nodes: node.children, next: 0, level: top.level + 1 });
        }
    }
    yield '  ]';
    yield '}';
}
//# sourceMappingURL=causationTreeJson.js.map