"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createNonce = createNonce;
const node_crypto_1 = require("node:crypto");
/** A CSP nonce: 128 random bits, base64, new for every page the panel loads. */
function createNonce() {
    return (0, node_crypto_1.randomBytes)(16).toString('base64');
}
//# sourceMappingURL=nonce.js.map