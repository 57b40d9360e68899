"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cursorOf = cursorOf;
exports.supports = supports;
/** Makes a cursor from a backend's own position text; only a backend reads it back. */
function cursorOf(position) {
    return String(position);
}
/** Whether a backend can answer a kind of question at all. */
function supports(support) {
    return support.how !== 'unsupported';
}
//# sourceMappingURL=storeBackend.js.map