"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_BUS_CONFIG = void 0;
exports.resolveBusConfig = resolveBusConfig;
const busConfig_1 = require("../config/busConfig");
exports.DEFAULT_BUS_CONFIG = busConfig_1.DEFAULT_CONFIG;
/**
 * The defaults overlaid with what was given (undefined values keep the
 * default). The config loader validates a user's file; a bus built in code
 * only needs the keys it was not given filled in.
 */
function resolveBusConfig(given = {}) {
    const merged = { ...exports.DEFAULT_BUS_CONFIG };
    for (const [key, value] of Object.entries(given))
        if (value !== undefined)
            merged[key] = value;
    return Object.freeze(merged);
}
//# sourceMappingURL=busConfig.js.map