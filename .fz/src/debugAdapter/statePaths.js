"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.valueAt = valueAt;
exports.pathText = pathText;
/** A value inside a state by its path (own properties only), or undefined when the path does not lead anywhere. */
function valueAt(root, path) {
    let current = root;
    for (const step of path) {
        if (current === null || typeof current !== 'object' || !Object.hasOwn(current, step))
            return undefined;
        current = current[step];
    }
    return current;
}
/** `.positions.BTCUSDT`, `["odd key"]`, `[3]`: how a path reads in an expression. */
function pathText(path) {
    return path.map((step) => (typeof step === 'number' ? `[${step}]` : /^[A-Za-z_$][\w$]*$/.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`)).join('');
}
//# sourceMappingURL=statePaths.js.map