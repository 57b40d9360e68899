"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeCleanupPlan = describeCleanupPlan;
/** The plan as text for a person deciding whether to run it (what `eventbus cleanup` prints without --yes). */
function describeCleanupPlan(plan) {
    const lines = [];
    const total = plan.eventFiles.length + plan.snapshots.length;
    lines.push(`TTL ${plan.ttlDays} days: removes event days before ${plan.cutoffDay} and snapshots no longer needed.`);
    if (total === 0) {
        lines.push('Nothing to remove.');
    }
    else {
        for (const file of plan.eventFiles)
            lines.push(`  remove ${file.file} (${formatBytes(file.bytes)})`);
        for (const snapshot of plan.snapshots)
            lines.push(`  remove ${snapshot.file} (taken ${snapshot.timestamp})`);
        lines.push(`${total} file${total === 1 ? '' : 's'}, ${formatBytes(plan.bytes)}.`);
    }
    for (const kept of plan.keptSnapshots)
        lines.push(`  keep   ${kept.file}: ${kept.reason}`);
    return lines.join('\n');
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
//# sourceMappingURL=describeCleanupPlan.js.map