"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deepFreeze = deepFreeze;
/**
 * Freezes a value and everything reachable from it, with an explicit stack:
 * event data from systems we do not control may nest 100,000 deep, where a
 * recursive walk overflows the call stack.
 */
function deepFreeze(value) {
    const pending = [value];
    for (let next = pending.pop(); next !== undefined || pending.length > 0; next = pending.pop()) {
        if (next === null || typeof next !== 'object' || Object.isFrozen(next))
            continue;
        Object.freeze(next);
        for (const key of Object.keys(next))
            pending.push(next[key]);
    }
    return value;
}
//# sourceMappingURL=deepFreeze.js.map