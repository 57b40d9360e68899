"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.explicitBusSettings = explicitBusSettings;
const busConfig_1 = require("../../engine/config/busConfig");
const settings_1 = require("../../shared/settings");
/**
 * The `eventbus.bus.*` keys the user set somewhere (user, workspace or
 * folder settings), most specific first. Keys left at their package.json
 * default are not sent, so eventbus.config.json keeps deciding them.
 */
function explicitBusSettings(inspect) {
    const bus = {};
    for (const key of busConfig_1.CONFIG_KEYS) {
        const found = inspect(`${settings_1.BUS_SETTINGS_PREFIX}${key}`);
        const value = found?.workspaceFolderValue ?? found?.workspaceValue ?? found?.globalValue;
        // Wrong types are sent as they are: the server checks them and logs why it ignored one.
        if (value !== undefined && value !== null)
            bus[key] = value;
    }
    return bus;
}
//# sourceMappingURL=busSettings.js.map