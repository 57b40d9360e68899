"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BusMetrics = void 0;
/**
 * Plain numeric fields rather than a keyed record: the two hot counters are
 * bumped once per event, and a monomorphic field increment is what keeps
 * them free on the million-events-a-second path.
 */
class BusMetrics {
    events_processed = 0;
    events_failed = 0;
    snapshots_created = 0;
    replays_performed = 0;
    events_published = 0;
    deliveries_retried = 0;
    validation_failures = 0;
    dead_letter_write_errors = 0;
    after_persist_hook_errors = 0;
    increment(counter, by = 1) {
        this[counter] += by;
    }
    snapshot() {
        return {
            events_processed: this.events_processed,
            events_failed: this.events_failed,
            snapshots_created: this.snapshots_created,
            replays_performed: this.replays_performed,
            events_published: this.events_published,
            deliveries_retried: this.deliveries_retried,
            validation_failures: this.validation_failures,
            dead_letter_write_errors: this.dead_letter_write_errors,
            after_persist_hook_errors: this.after_persist_hook_errors,
        };
    }
}
exports.BusMetrics = BusMetrics;
//# sourceMappingURL=busMetrics.js.map