"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.shallowReducer = shallowReducer;
const safeMerge_1 = require("../../model/safeMerge");
/**
 * Python's `state.update(event.data)`: each top-level key of the data
 * replaces the state's (no recursion). Data that is not an object is kept
 * under `value`, since there are no keys to update with.
 */
function shallowReducer(state, event) {
    const target = (0, safeMerge_1.isPlainObject)(state) ? (Object.isFrozen(state) ? (0, safeMerge_1.safeClone)(state) : state) : {};
    const data = event.data;
    if ((0, safeMerge_1.isPlainObject)(data)) {
        for (const key of Object.keys(data))
            if (!(0, safeMerge_1.isForbiddenKey)(key))
                target[key] = (0, safeMerge_1.safeClone)(data[key]);
    }
    else if (data !== undefined) {
        target.value = (0, safeMerge_1.safeClone)(data);
    }
    return target;
}
//# sourceMappingURL=shallowReducer.js.map