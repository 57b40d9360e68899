"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PlanMemory = void 0;
exports.describeDrift = describeDrift;
const node_crypto_1 = require("node:crypto");
const PLAN_LIFETIME_MS = 15 * 60_000;
const MAX_PLANS = 20;
/**
 * Plans the client showed the user, by id, so execute can name the plan
 * that was confirmed instead of sending it back. Kept a while and few: an
 * unknown or expired id simply asks the user to look again.
 */
class PlanMemory {
    plans = new Map();
    remember(kind, storeRoot, plan, now = Date.now()) {
        for (const [id, kept] of this.plans)
            if (kept.expires <= now)
                this.plans.delete(id);
        while (this.plans.size >= MAX_PLANS)
            this.plans.delete(this.plans.keys().next().value);
        const id = (0, node_crypto_1.randomUUID)();
        this.plans.set(id, { kind, storeRoot, plan, expires: now + PLAN_LIFETIME_MS });
        return id;
    }
    /** The plan of that id for that store and kind; throws a message the user can act on when it is unknown. */
    recall(kind, storeRoot, id, now = Date.now()) {
        const kept = this.plans.get(id);
        if (!kept || kept.expires <= now || kept.kind !== kind || kept.storeRoot !== storeRoot) {
            throw new Error(`the ${kind} plan ${id} is unknown or expired (plans are kept ${PLAN_LIFETIME_MS / 60_000} minutes); run the command again to see a new plan`);
        }
        return kept.plan;
    }
}
exports.PlanMemory = PlanMemory;
/** What differs between the confirmed plan's targets and the store's now, for the refusal message. */
function describeDrift(confirmed, current) {
    const before = new Set(confirmed);
    const now = new Set(current);
    const added = current.filter((key) => !before.has(key));
    const gone = confirmed.filter((key) => !now.has(key));
    if (added.length === 0 && gone.length === 0)
        return undefined;
    const parts = [];
    if (added.length > 0)
        parts.push(`now also ${added.slice(0, 3).join(', ')}${added.length > 3 ? ` and ${added.length - 3} more` : ''}`);
    if (gone.length > 0)
        parts.push(`no longer ${gone.slice(0, 3).join(', ')}${gone.length > 3 ? ` and ${gone.length - 3} more` : ''}`);
    return parts.join('; ');
}
//# sourceMappingURL=writePlans.js.map