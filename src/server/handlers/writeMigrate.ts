import * as path from 'node:path';
import { executeMigration, planMigration, type MigrationPlan } from '../../engine/migrate/migrateStore';
import { loadSchemaRegistry } from '../../engine/schema/loadSchemaRegistry';
import type { SchemaRegistry } from '../../engine/schema/schemaRegistry';
import type { MigrateExecuteParams, MigrationPlanJson, MigrationResultJson, PlannedMigration } from '../../shared/writeProtocol';
import { storeShareOf } from './storeShare';
import { describeDrift, type PlanMemory } from './writePlans';
import { requireTrusted, type WriteStore } from './writeStore';

const KIND = 'migration';

/** Which files and events a migration to the newest schema versions would rewrite; writes nothing. */
export async function migratePlan(store: WriteStore, plans: PlanMemory): Promise<PlannedMigration> {
  const plan: MigrationPlanJson = await planMigration(store.root, await freshRegistry(store));
  return { planId: plans.remember(KIND, store.root, plan), plan, share: storeShareOf(store.root, store.engine.index, plan.files.map((f) => f.file)) };
}

/**
 * Rewrites what the confirmed plan lists, as `eventbus migrate --yes`: each
 * changed day written anew and renamed into place, the originals kept in
 * backups/migrate-<time>/. Planned again first: when files, counts or steps
 * differ from what the user confirmed (events appended, a migration file
 * edited), nothing is written.
 */
export async function migrateExecute(store: WriteStore, plans: PlanMemory, params: MigrateExecuteParams): Promise<MigrationResultJson> {
  requireTrusted(params, 'Migrate');
  const confirmed = confirmedPlan(store, plans, params);
  const registry = await freshRegistry(store);
  const fresh = await planMigration(store.root, registry);
  const drift = describeDrift(targetsOf(confirmed), targetsOf(fresh));
  if (drift !== undefined) {
    throw new Error(`the store changed since the migration plan was shown (${drift}); nothing was rewritten, run Migrate again to see the new plan`);
  }
  return executeMigration(fresh, registry, backupStamp(new Date()));
}

/**
 * The schemas as they are on disk now: a migration file added since the
 * store opened must count, and plan and execute must use the same ones.
 */
async function freshRegistry(store: WriteStore): Promise<SchemaRegistry> {
  const { session } = store;
  const schemasPath = session.settings.schemasPath;
  const options = schemasPath ? { schemasDir: path.resolve(session.folder ?? store.root, schemasPath) } : {};
  return loadSchemaRegistry(store.root, options);
}

function confirmedPlan(store: WriteStore, plans: PlanMemory, params: MigrateExecuteParams): MigrationPlanJson {
  if (typeof params.planId === 'string') return plans.recall<MigrationPlanJson>(KIND, store.root, params.planId);
  const plan = params.plan;
  if (!plan || typeof plan !== 'object' || !Array.isArray(plan.files)) {
    throw new Error('migrateExecute needs the confirmed plan: "planId" from migratePlan, or the plan itself as "plan"');
  }
  if (plan.storeRoot !== store.root) throw new Error(`the migration plan is for ${String(plan.storeRoot)}, not for ${store.root}`);
  return plan;
}

function targetsOf(plan: MigrationPlanJson | MigrationPlan): string[] {
  return plan.files.map((file) => {
    const steps = Object.entries(file.steps)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([step, n]) => `${n} × ${step}`)
      .join(', ');
    return `${file.file} (${steps})`;
  });
}

/** `20240115T103000Z`: a folder name that sorts by time and is valid everywhere. */
export function backupStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}
