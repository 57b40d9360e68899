"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cleanupPlan = cleanupPlan;
exports.cleanupExecute = cleanupExecute;
const executeCleanup_1 = require("../../engine/ttl/executeCleanup");
const writeLock_1 = require("../../engine/store/writeLock");
const planCleanup_1 = require("../../engine/ttl/planCleanup");
const storeShare_1 = require("./storeShare");
const writePlans_1 = require("./writePlans");
const writeStore_1 = require("./writeStore");
const KIND = 'cleanup';
/** What TTL cleanup would remove now (event_ttl_days of the workspace's eventbus.config.json); removes nothing. */
async function cleanupPlan(store, plans) {
    const config = await (0, writeStore_1.currentConfig)(store);
    const plan = await (0, planCleanup_1.planCleanup)(store.root, config);
    return { planId: plans.remember(KIND, store.root, plan), plan, share: (0, storeShare_1.storeShareOf)(store.root, store.engine.index, plan.eventFiles.map((f) => f.file)) };
}
/**
 * Removes what the confirmed plan lists. The store is planned again for the
 * same instant and TTL; when that no longer lists exactly the same files
 * (a day was appended to, a snapshot written or removed meanwhile) nothing
 * is removed and the user is asked to look again. What runs is the
 * server's own fresh plan, so an echoed plan can never name other files.
 */
async function cleanupExecute(store, plans, params) {
    (0, writeStore_1.requireTrusted)(params, 'Clean up');
    const confirmed = confirmedPlan(store, plans, params);
    const nowMs = Date.parse(confirmed.now);
    if (!Number.isInteger(confirmed.ttlDays) || confirmed.ttlDays < 1 || Number.isNaN(nowMs)) {
        throw new Error(`the cleanup plan is malformed: expected a whole ttlDays >= 1 and an ISO "now", got ${JSON.stringify(confirmed.ttlDays)} and ${JSON.stringify(confirmed.now)}`);
    }
    const fresh = await (0, planCleanup_1.planCleanup)(store.root, { event_ttl_days: confirmed.ttlDays }, nowMs);
    const drift = (0, writePlans_1.describeDrift)(targetsOf(confirmed), targetsOf(fresh));
    if (drift !== undefined) {
        throw new Error(`the store changed since the cleanup plan was shown (${drift}); nothing was removed, run Clean Up again to see the new plan`);
    }
    return (0, writeLock_1.withWriterLock)(store.root, () => (0, executeCleanup_1.executeCleanupLocked)(fresh));
}
function confirmedPlan(store, plans, params) {
    if (typeof params.planId === 'string')
        return plans.recall(KIND, store.root, params.planId);
    const plan = params.plan;
    if (!plan || typeof plan !== 'object' || !Array.isArray(plan.eventFiles) || !Array.isArray(plan.snapshots)) {
        throw new Error('cleanupExecute needs the confirmed plan: "planId" from cleanupPlan, or the plan itself as "plan"');
    }
    if (plan.storeRoot !== store.root)
        throw new Error(`the cleanup plan is for ${String(plan.storeRoot)}, not for ${store.root}`);
    return plan;
}
/** The plan's removals, each with its size: a file that grew is a different target. */
function targetsOf(plan) {
    return [...plan.eventFiles, ...plan.snapshots].map((target) => `${target.file} (${target.bytes} bytes)`).sort();
}
//# sourceMappingURL=writeCleanup.js.map