"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.renderReplayDocument = renderReplayDocument;
const MAX_CELL = 32;
function cell(text, width) {
    const shown = text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
    return shown.padEnd(width);
}
/** One line of text from the store: control characters (a newline in a type) would break the table. */
function oneLine(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}
function titleOf(row) {
    return `${row.type}${row.sequence === null ? '' : ` #${row.sequence}`}${row.aggregateId ? ` (${row.aggregateId})` : ''}`;
}
function renderReplayDocument(heading, result, withAggregate) {
    const lines = [];
    const links = [];
    lines.push(oneLine(heading));
    lines.push('Click #sequence to open an event, "inspect" to step the Time-Travel Inspector there.');
    if (result.foldProblem)
        lines.push(`State changes are not shown: ${oneLine(result.foldProblem)}`);
    if (result.truncated)
        lines.push(`Showing the first ${result.rows.length.toLocaleString('en-US')} events; narrow the range to see the rest.`);
    lines.push('');
    const rows = result.rows.map((row) => ({
        row,
        seq: row.sequence === null ? '#?' : `#${row.sequence}`,
        aggregate: oneLine(row.aggregateId ?? '(none)'),
        time: oneLine(row.timestamp ?? '(no time)'),
        type: oneLine(row.type),
        source: oneLine(row.source),
    }));
    const width = (pick, header) => Math.min(MAX_CELL, Math.max(header.length, ...rows.map((r) => pick(r).length)));
    const w = {
        aggregate: width((r) => r.aggregate, 'aggregate'),
        seq: width((r) => r.seq, 'seq'),
        time: width((r) => r.time, 'time'),
        type: width((r) => r.type, 'type'),
        source: width((r) => r.source, 'source'),
    };
    const INSPECT = 'inspect';
    const head = [...(withAggregate ? [cell('aggregate', w.aggregate)] : []), cell('seq', w.seq), cell('time', w.time), cell('type', w.type), cell('source', w.source), cell('', INSPECT.length), 'change to the state'];
    lines.push(head.join('  ').trimEnd());
    for (const r of rows) {
        const parts = [];
        if (withAggregate)
            parts.push(cell(r.aggregate, w.aggregate));
        const seqStart = parts.join('  ').length + (parts.length > 0 ? 2 : 0);
        parts.push(cell(r.seq, w.seq), cell(r.time, w.time), cell(r.type, w.type), cell(r.source, w.source));
        const inspectStart = parts.join('  ').length + 2;
        const canInspect = r.row.aggregateId !== null && r.row.sequence !== null;
        parts.push(canInspect ? INSPECT : ' '.repeat(INSPECT.length));
        const changeStart = parts.join('  ').length + 2;
        const changes = r.row.changes === null ? ['(not folded)'] : r.row.changes.length === 0 ? ['(no change)'] : r.row.changes.map(oneLine);
        if (r.row.moreChanges > 0)
            changes.push(`… and ${r.row.moreChanges} more`);
        const line = lines.length;
        lines.push(`${parts.join('  ')}  ${changes[0]}`);
        for (const more of changes.slice(1))
            lines.push(`${' '.repeat(changeStart)}${more}`);
        links.push({ line, start: seqStart, end: seqStart + r.seq.length, target: { kind: 'event', eventId: r.row.eventId, title: titleOf(r.row) } });
        if (canInspect)
            links.push({ line, start: inspectStart, end: inspectStart + INSPECT.length, target: { kind: 'inspect', aggregateId: r.row.aggregateId, sequence: r.row.sequence } });
    }
    if (result.causationTree !== null) {
        lines.push('', 'Causation tree (each effect under its cause, with the time the hop took; click an id to open the event):', '');
        const byShortId = new Map(result.rows.map((row) => [row.eventId.slice(0, 8), row]));
        for (const treeLine of result.causationTree.split('\n')) {
            const line = lines.length;
            lines.push(oneLine(treeLine));
            // The tree's last field on each event line is the id's first 8 characters.
            const match = /(\S{1,8})(?:\s{2}\[.*\])?$/.exec(treeLine);
            const row = match ? byShortId.get(match[1]) : undefined;
            if (match && row)
                links.push({ line, start: match.index, end: match.index + match[1].length, target: { kind: 'event', eventId: row.eventId, title: titleOf(row) } });
        }
    }
    return { text: `${lines.join('\n')}\n`, links };
}
//# sourceMappingURL=replayDocumentText.js.map