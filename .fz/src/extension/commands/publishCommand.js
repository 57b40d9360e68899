"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.publishEvent = publishEvent;
const trust_1 = require("./trust");
/**
 * "Publish Event…": the publish form (src/extension/publish), which checks
 * the draft against the store's schema as the user types and publishes
 * through the server's one writer. Trusted workspaces only.
 */
async function publishEvent({ publishForm }, args) {
    if (!(0, trust_1.ensureTrusted)('Publish Event'))
        return;
    publishForm.open(args.store, null);
}
//# sourceMappingURL=publishCommand.js.map