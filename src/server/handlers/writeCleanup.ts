import { executeCleanupLocked } from '../../engine/ttl/executeCleanup';
import { withWriterLock } from '../../engine/store/writeLock';
import { planCleanup } from '../../engine/ttl/planCleanup';
import type { CleanupPlan } from '../../engine/ttl/cleanupPlan';
import type { CleanupExecuteParams, CleanupPlanJson, CleanupResultJson, PlannedCleanup } from '../../shared/writeProtocol';
import { storeShareOf } from './storeShare';
import { describeDrift, type PlanMemory } from './writePlans';
import { currentConfig, requireTrusted, type WriteStore } from './writeStore';

const KIND = 'cleanup';

/** What TTL cleanup would remove now (event_ttl_days of the workspace's eventbus.config.json); removes nothing. */
export async function cleanupPlan(store: WriteStore, plans: PlanMemory): Promise<PlannedCleanup> {
  const config = await currentConfig(store);
  const plan: CleanupPlanJson = await planCleanup(store.root, config);
  return { planId: plans.remember(KIND, store.root, plan), plan, share: storeShareOf(store.root, store.engine.index, plan.eventFiles.map((f) => f.file)) };
}

/**
 * Removes what the confirmed plan lists. The store is planned again for the
 * same instant and TTL; when that no longer lists exactly the same files
 * (a day was appended to, a snapshot written or removed meanwhile) nothing
 * is removed and the user is asked to look again. What runs is the
 * server's own fresh plan, so an echoed plan can never name other files.
 */
export async function cleanupExecute(store: WriteStore, plans: PlanMemory, params: CleanupExecuteParams): Promise<CleanupResultJson> {
  requireTrusted(params, 'Clean up');
  const confirmed = confirmedPlan(store, plans, params);
  const nowMs = Date.parse(confirmed.now);
  if (!Number.isInteger(confirmed.ttlDays) || confirmed.ttlDays < 1 || Number.isNaN(nowMs)) {
    throw new Error(`the cleanup plan is malformed: expected a whole ttlDays >= 1 and an ISO "now", got ${JSON.stringify(confirmed.ttlDays)} and ${JSON.stringify(confirmed.now)}`);
  }
  const fresh = await planCleanup(store.root, { event_ttl_days: confirmed.ttlDays }, nowMs);
  const drift = describeDrift(targetsOf(confirmed), targetsOf(fresh));
  if (drift !== undefined) {
    throw new Error(`the store changed since the cleanup plan was shown (${drift}); nothing was removed, run Clean Up again to see the new plan`);
  }
  return withWriterLock(store.root, () => executeCleanupLocked(fresh));
}

function confirmedPlan(store: WriteStore, plans: PlanMemory, params: CleanupExecuteParams): CleanupPlanJson {
  if (typeof params.planId === 'string') return plans.recall<CleanupPlanJson>(KIND, store.root, params.planId);
  const plan = params.plan;
  if (!plan || typeof plan !== 'object' || !Array.isArray(plan.eventFiles) || !Array.isArray(plan.snapshots)) {
    throw new Error('cleanupExecute needs the confirmed plan: "planId" from cleanupPlan, or the plan itself as "plan"');
  }
  if (plan.storeRoot !== store.root) throw new Error(`the cleanup plan is for ${String(plan.storeRoot)}, not for ${store.root}`);
  return plan;
}

/** The plan's removals, each with its size: a file that grew is a different target. */
function targetsOf(plan: CleanupPlanJson | CleanupPlan): string[] {
  return [...plan.eventFiles, ...plan.snapshots].map((target) => `${target.file} (${target.bytes} bytes)`).sort();
}
