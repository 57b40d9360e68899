"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.migratePlan = migratePlan;
exports.migrateExecute = migrateExecute;
exports.backupStamp = backupStamp;
const path = __importStar(require("node:path"));
const migrateStore_1 = require("../../engine/migrate/migrateStore");
const loadSchemaRegistry_1 = require("../../engine/schema/loadSchemaRegistry");
const storeShare_1 = require("./storeShare");
const writePlans_1 = require("./writePlans");
const writeStore_1 = require("./writeStore");
const KIND = 'migration';
/** Which files and events a migration to the newest schema versions would rewrite; writes nothing. */
async function migratePlan(store, plans) {
    const plan = await (0, migrateStore_1.planMigration)(store.root, await freshRegistry(store));
    return { planId: plans.remember(KIND, store.root, plan), plan, share: (0, storeShare_1.storeShareOf)(store.root, store.engine.index, plan.files.map((f) => f.file)) };
}
/**
 * Rewrites what the confirmed plan lists, as `eventbus migrate --yes`: each
 * changed day written anew and renamed into place, the originals kept in
 * backups/migrate-<time>/. Planned again first: when files, counts or steps
 * differ from what the user confirmed (events appended, a migration file
 * edited), nothing is written.
 */
async function migrateExecute(store, plans, params) {
    (0, writeStore_1.requireTrusted)(params, 'Migrate');
    const confirmed = confirmedPlan(store, plans, params);
    const registry = await freshRegistry(store);
    const fresh = await (0, migrateStore_1.planMigration)(store.root, registry);
    const drift = (0, writePlans_1.describeDrift)(targetsOf(confirmed), targetsOf(fresh));
    if (drift !== undefined) {
        throw new Error(`the store changed since the migration plan was shown (${drift}); nothing was rewritten, run Migrate again to see the new plan`);
    }
    return (0, migrateStore_1.executeMigration)(fresh, registry, backupStamp(new Date()));
}
/**
 * The schemas as they are on disk now: a migration file added since the
 * store opened must count, and plan and execute must use the same ones.
 */
async function freshRegistry(store) {
    const { session } = store;
    const schemasPath = session.settings.schemasPath;
    const options = schemasPath ? { schemasDir: path.resolve(session.folder ?? store.root, schemasPath) } : {};
    return (0, loadSchemaRegistry_1.loadSchemaRegistry)(store.root, options);
}
function confirmedPlan(store, plans, params) {
    if (typeof params.planId === 'string')
        return plans.recall(KIND, store.root, params.planId);
    const plan = params.plan;
    if (!plan || typeof plan !== 'object' || !Array.isArray(plan.files)) {
        throw new Error('migrateExecute needs the confirmed plan: "planId" from migratePlan, or the plan itself as "plan"');
    }
    if (plan.storeRoot !== store.root)
        throw new Error(`the migration plan is for ${String(plan.storeRoot)}, not for ${store.root}`);
    return plan;
}
function targetsOf(plan) {
    return plan.files.map((file) => {
        const steps = Object.entries(file.steps)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([step, n]) => `${n} × ${step}`)
            .join(', ');
        return `${file.file} (${steps})`;
    });
}
/** `20240115T103000Z`: a folder name that sorts by time and is valid everywhere. */
function backupStamp(now) {
    return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}
//# sourceMappingURL=writeMigrate.js.map