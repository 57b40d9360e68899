"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SubscriptionRegistry = exports.WILDCARD = void 0;
exports.WILDCARD = '*';
/**
 * Who listens to what. Lists are copied on change rather than mutated, so a
 * handler that unsubscribes (or subscribes) during dispatch does not disturb
 * the delivery in progress; the per-type list including wildcard handlers is
 * cached because dispatch looks it up for every event.
 */
class SubscriptionRegistry {
    byType = new Map();
    resolved = new Map();
    add(type, handler, name) {
        const subscription = { type, handler, name: name ?? (handler.name || 'anonymous handler') };
        this.byType.set(type, [...(this.byType.get(type) ?? []), subscription]);
        this.resolved.clear();
        let active = true;
        return () => {
            if (!active)
                return;
            active = false;
            const remaining = (this.byType.get(type) ?? []).filter((s) => s !== subscription);
            if (remaining.length === 0)
                this.byType.delete(type);
            else
                this.byType.set(type, remaining);
            this.resolved.clear();
        };
    }
    /** Handlers of the type first, then wildcard handlers, each in subscription order. */
    handlersFor(type) {
        let list = this.resolved.get(type);
        if (!list) {
            const typed = type === exports.WILDCARD ? [] : (this.byType.get(type) ?? []);
            list = [...typed, ...(this.byType.get(exports.WILDCARD) ?? [])];
            this.resolved.set(type, list);
        }
        return list;
    }
    /** Subscriber count per subscribed type ('*' included). */
    counts() {
        const counts = {};
        for (const [type, list] of this.byType)
            counts[type] = list.length;
        return counts;
    }
}
exports.SubscriptionRegistry = SubscriptionRegistry;
//# sourceMappingURL=subscriptions.js.map