"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_LISTED = void 0;
exports.describeCleanupConfirmation = describeCleanupConfirmation;
exports.describeMigrationConfirmation = describeMigrationConfirmation;
exports.describeCleanupResult = describeCleanupResult;
exports.describeMigrationResult = describeMigrationResult;
exports.isGuarded = isGuarded;
exports.plural = plural;
exports.formatBytes = formatBytes;
/** Files listed in a dialog before "… and N more" (a modal cannot scroll far). */
exports.MAX_LISTED = 25;
function describeCleanupConfirmation(plan, share) {
    const targets = [
        ...plan.eventFiles.map((f) => `${f.file}  (${formatBytes(f.bytes)}, day ${f.day})`),
        ...plan.snapshots.map((s) => `${s.file}  (snapshot of ${s.aggregateId} at ${s.sequenceNumber}, taken ${s.timestamp})`),
    ];
    const count = targets.length;
    const ttl = `event_ttl_days is ${plan.ttlDays}: days before ${plan.cutoffDay} expire`;
    if (count === 0) {
        return { nothingToDo: true, message: `Nothing to clean up: ${ttl}, and no event day or snapshot is that old.`, detail: '', confirmLabel: '' };
    }
    const lines = [`${ttl}. These files will be deleted:`, ...listed(targets)];
    if (plan.keptSnapshots.length > 0) {
        lines.push('', 'Kept:', ...listed(plan.keptSnapshots.map((k) => `${k.file}: ${k.reason}`)));
    }
    lines.push('', 'Deleted files cannot be restored from here.');
    const files = `${plural(count, 'file')}, ${formatBytes(plan.bytes)}`;
    return {
        nothingToDo: false,
        message: share ? `${shareText('Delete', share)} (${files}) from the event store?` : `Delete ${plural(count, 'file')} (${formatBytes(plan.bytes)}) from the event store?`,
        detail: [...(share ? [`${shareWarning(share, 'deleted')}`] : []), ...lines].filter(Boolean).join('\n'),
        confirmLabel: `Delete ${plural(count, 'File')}`,
        ...(share && isGuarded(share) ? { typeToConfirm: share.folderName } : {}),
    };
}
function describeMigrationConfirmation(plan, share) {
    const stranded = Object.entries(plan.stranded).map(([key, n]) => `${n} × ${key}: no migration path to the newest version, left as is`);
    if (plan.files.length === 0) {
        const also = stranded.length > 0 ? ` (${stranded.join('; ')})` : '';
        return { nothingToDo: true, message: `Nothing to migrate: every event is in the newest schema version it has a path to${also}.`, detail: '', confirmLabel: '' };
    }
    const rewritten = plan.files.map((file) => {
        const steps = Object.entries(file.steps)
            .map(([step, n]) => `${n} × ${step}`)
            .join(', ');
        return `${file.file}: ${steps}`;
    });
    const lines = ['These day files will be rewritten in the newest schema versions:', ...listed(rewritten)];
    if (stranded.length > 0)
        lines.push('', ...listed(stranded));
    lines.push('', 'The originals are kept in backups/migrate-<time>/ inside the store.');
    return {
        nothingToDo: false,
        message: `Rewrite ${plural(plan.events, 'event')} in ${plural(plan.files.length, 'file')} to the newest schema versions?`,
        detail: [...(share ? [`The rewritten files hold ${shareText('', share).trim()}.`, shareWarning(share, 'rewritten')] : []), ...lines].filter(Boolean).join('\n'),
        confirmLabel: `Rewrite ${plural(plan.files.length, 'File')}`,
        ...(share && isGuarded(share) ? { typeToConfirm: share.folderName } : {}),
    };
}
/** After cleanup: what was removed, and what could not be (a warning when anything failed). */
function describeCleanupResult(result) {
    const removed = `Removed ${plural(result.removed.length, 'file')} (${formatBytes(result.bytes)}).`;
    if (result.failed.length === 0)
        return { message: removed, failed: false };
    const failures = result.failed.slice(0, 3).map((f) => `${f.file}: ${f.message}`).join('; ');
    const more = result.failed.length > 3 ? ` and ${result.failed.length - 3} more` : '';
    return { message: `${removed} Could not remove ${plural(result.failed.length, 'file')}: ${failures}${more}.`, failed: true };
}
function describeMigrationResult(result) {
    return `Migrated ${plural(result.events, 'event')} in ${plural(result.files.length, 'file')}; the originals are in ${result.backupDir}/.`;
}
/** All of the store, or the day the bus writes to now: the plans that need the folder name typed. */
function isGuarded(share) {
    return share.totalEvents > 0 && (share.events >= share.totalEvents || share.includesNewestDay);
}
/** "Delete all 30,000 events of 7 days" / "Delete 1,200 of 30,000 events (2 of 7 days)". */
function shareText(verb, share) {
    const days = plural(share.days, 'day');
    if (share.events >= share.totalEvents && share.totalEvents > 0)
        return `${verb} all ${plural(share.totalEvents, 'event')} of ${days}`;
    return `${verb} ${share.events.toLocaleString('en-US')} of ${plural(share.totalEvents, 'event')} (${share.days.toLocaleString('en-US')} of ${plural(share.totalDays, 'day')})`;
}
function shareWarning(share, done) {
    if (share.totalEvents > 0 && share.events >= share.totalEvents)
        return `This is every event of the store: nothing would be left but what is ${done === 'deleted' ? 'written after' : 'not rewritten'}. Type the store's folder name to go on.`;
    if (share.includesNewestDay)
        return `This includes the store's newest day, which the bus may be writing now. Type the store's folder name to go on.`;
    return '';
}
function listed(lines) {
    if (lines.length <= exports.MAX_LISTED)
        return lines.map((line) => `• ${line}`);
    return [...lines.slice(0, exports.MAX_LISTED).map((line) => `• ${line}`), `… and ${lines.length - exports.MAX_LISTED} more`];
}
function plural(n, noun) {
    return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
//# sourceMappingURL=planDescriptions.js.map