"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Dispatcher = exports.REPLAY_DELIVERY = exports.LIVE_DELIVERY = void 0;
const retryPolicy_1 = require("./retryPolicy");
exports.LIVE_DELIVERY = Object.freeze({ replay: false, attempt: 1 });
exports.REPLAY_DELIVERY = Object.freeze({ replay: true, attempt: 1 });
/**
 * Delivers one event to every matching handler. Sync handlers are called
 * without any await (the in-memory hot path); async ones are awaited together,
 * so one handler sees events in order. A failing delivery is retried for that
 * handler only, in the background, so one broken handler does not stall the
 * others or the queue; its retries may therefore reach it after later events.
 */
class Dispatcher {
    registry;
    policy;
    clock;
    hooks;
    retries = new Set();
    waiting = 0;
    constructor(registry, policy, clock, hooks) {
        this.registry = registry;
        this.policy = policy;
        this.clock = clock;
        this.hooks = hooks;
    }
    /** Returns a promise only when some handler was async; undefined when all is done already. */
    deliver(event, context) {
        const subscriptions = this.registry.handlersFor(event.event_type);
        let waits;
        for (let i = 0; i < subscriptions.length; i++) {
            const subscription = subscriptions[i];
            let result;
            try {
                result = subscription.handler(event, context);
            }
            catch (error) {
                this.failed(event, subscription, error, context.replay);
                continue;
            }
            if (result !== undefined && typeof result.then === 'function') {
                (waits ??= []).push(result.then(undefined, (error) => this.failed(event, subscription, error, context.replay)));
            }
        }
        if (!waits)
            return undefined;
        return waits.length === 1 ? waits[0] : Promise.all(waits).then(() => undefined);
    }
    /** Failed deliveries waiting for a retry (not those already given up and being dead-lettered). */
    get pendingRetries() {
        return this.waiting;
    }
    /** True while any retry (or the dead-lettering after the last one) is still running. */
    get retrying() {
        return this.retries.size > 0;
    }
    /** Resolves once every retry started so far has finished (including retries they start). */
    async settleRetries() {
        while (this.retries.size > 0)
            await Promise.allSettled([...this.retries]);
    }
    failed(event, subscription, error, replay) {
        this.waiting++;
        this.hooks.onWaiting(1);
        const retry = this.retry(event, subscription, error, replay).catch(() => undefined);
        this.retries.add(retry);
        void retry.then(() => this.retries.delete(retry));
    }
    async retry(event, subscription, firstError, replay) {
        let lastError = firstError;
        let waitingNow = true;
        const stopWaiting = () => {
            if (!waitingNow)
                return;
            waitingNow = false;
            this.waiting--;
            this.hooks.onWaiting(-1);
        };
        try {
            for (let retry = 1; retry <= this.policy.maxRetries; retry++) {
                await this.clock.sleep((0, retryPolicy_1.retryDelayMs)(this.policy, retry));
                this.hooks.onRetry();
                try {
                    await subscription.handler(event, { replay, attempt: retry + 1 });
                    return;
                }
                catch (error) {
                    lastError = error;
                }
            }
        }
        finally {
            // Before the dead-lettering: it publishes a system_error, which may itself wait for room in the queue.
            stopWaiting();
        }
        await this.hooks.onExhausted({
            event,
            subscription,
            error: lastError,
            attempts: this.policy.maxRetries + 1,
            replay,
        });
    }
}
exports.Dispatcher = Dispatcher;
//# sourceMappingURL=dispatcher.js.map