"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.newEventId = newEventId;
exports.isUuid = isUuid;
const node_crypto_1 = require("node:crypto");
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function newEventId() {
    return (0, node_crypto_1.randomUUID)();
}
function isUuid(text) {
    return UUID_PATTERN.test(text);
}
//# sourceMappingURL=ids.js.map