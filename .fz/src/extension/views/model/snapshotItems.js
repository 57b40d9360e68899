"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OPEN_SNAPSHOT_COMMAND = void 0;
exports.groupSnapshots = groupSnapshots;
exports.groupVerdict = groupVerdict;
exports.snapshotGroupItem = snapshotGroupItem;
exports.snapshotItem = snapshotItem;
const naturalOrder_1 = require("../../../engine/model/naturalOrder");
const markdown_1 = require("./markdown");
exports.OPEN_SNAPSHOT_COMMAND = 'eventbus.openSnapshot';
/** Snapshots by aggregate (prefix-filtered, sorted as the view asks). */
function groupSnapshots(snapshots, prefix, sort) {
    const byAggregate = new Map();
    for (const s of snapshots) {
        if (prefix && !s.aggregateId.startsWith(prefix))
            continue;
        const list = byAggregate.get(s.aggregateId) ?? [];
        list.push(s);
        byAggregate.set(s.aggregateId, list);
    }
    const groups = [...byAggregate].map(([aggregateId, list]) => ({ aggregateId, snapshots: list.sort((a, b) => a.sequenceNumber - b.sequenceNumber) }));
    const byId = (a, b) => (0, naturalOrder_1.naturalCompare)(a.aggregateId, b.aggregateId);
    const newest = (g) => g.snapshots[g.snapshots.length - 1]?.sequenceNumber ?? -1;
    if (sort === 'count')
        return groups.sort((a, b) => b.snapshots.length - a.snapshots.length || byId(a, b));
    if (sort === 'lastActivity')
        return groups.sort((a, b) => newest(b) - newest(a) || byId(a, b));
    return groups.sort(byId);
}
/** What verification found for a group: drifted snapshots count first. */
function groupVerdict(snapshots, verifications) {
    let seen = 0;
    for (const s of snapshots) {
        const v = verifications.get(s.file);
        if (!v || v.unverifiable !== undefined)
            continue;
        if (!v.ok)
            return 'drift';
        seen++;
    }
    return seen === 0 ? 'unverified' : 'ok';
}
function snapshotGroupItem(node, verifications) {
    const count = node.snapshots.length;
    const verdict = groupVerdict(node.snapshots, verifications);
    return {
        id: node.key,
        label: node.aggregateId,
        description: `${count} snapshot${count === 1 ? '' : 's'}${verdict === 'drift' ? ' · drift' : verdict === 'ok' ? ' · ok' : ''}`,
        icon: verdict === 'drift' ? { id: 'warning', color: 'list.warningForeground' } : { id: 'symbol-class' },
        collapsible: 'collapsed',
        contextValue: 'snapshotAggregate',
    };
}
/** `#120 · drift (3 differences)` once verified; `#120` before. */
function snapshotItem(node, verification) {
    const s = node.snapshot;
    const base = {
        id: node.key,
        label: `#${s.sequenceNumber}`,
        contextValue: 'snapshot',
        collapsible: 'none',
        command: { command: exports.OPEN_SNAPSHOT_COMMAND, title: 'Open Snapshot', arguments: [s.uri] },
    };
    if (!verification) {
        return { ...base, description: 'not verified', icon: { id: 'file' }, tooltip: { markdown: (0, markdown_1.lines)([(0, markdown_1.field)('Snapshot', s.file), 'Run **Verify Snapshots** to compare it with a rebuild from events.']) } };
    }
    const n = verification.differences.length;
    const status = verification.error
        ? 'error'
        : verification.unverifiable !== undefined
            ? verification.unverifiable
            : verification.ok
                ? 'ok'
                : `drift (${n} difference${n === 1 ? '' : 's'})`;
    const shown = verification.differences.slice(0, 10).map((d) => `- ${(0, markdown_1.escapeMarkdown)(d)}`);
    return {
        ...base,
        description: status,
        icon: verification.error
            ? { id: 'error', color: 'list.errorForeground' }
            : verification.unverifiable !== undefined
                ? { id: 'circle-slash' }
                : verification.ok
                    ? { id: 'pass', color: 'testing.iconPassed' }
                    : { id: 'warning', color: 'list.warningForeground' },
        tooltip: {
            markdown: (0, markdown_1.lines)([
                (0, markdown_1.field)('Snapshot', s.file),
                (0, markdown_1.field)('Status', status),
                (0, markdown_1.field)('Events applied', verification.eventsApplied),
                (0, markdown_1.field)('Rebuilt to sequence', verification.rebuiltToSequence),
                ...(verification.error ? [(0, markdown_1.field)('Error', verification.error)] : []),
                ...shown,
                ...(n > shown.length ? [`… and ${n - shown.length} more`] : []),
            ]),
        },
    };
}
//# sourceMappingURL=snapshotItems.js.map