"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requireTrusted = requireTrusted;
exports.currentConfig = currentConfig;
exports.requireText = requireText;
exports.optionalWhole = optionalWhole;
exports.optionalText = optionalText;
const storeRef_1 = require("../../engine/config/storeRef");
const validateConfig_1 = require("../../engine/config/validateConfig");
const writeProtocol_1 = require("../../shared/writeProtocol");
/**
 * Refuses a write unless the client said the workspace is trusted. The
 * client is the real gate (it hides and refuses the commands); this only
 * keeps a client that forgot from writing.
 */
function requireTrusted(params, what) {
    if (params?.trusted !== true) {
        throw new Error(`${what} ${writeProtocol_1.UNTRUSTED_WRITE_MESSAGE} (the client reported an untrusted workspace, or sent no "trusted": true)`);
    }
}
/**
 * The config governing the store as it is now (configOfStore), under the bus settings (the file may have
 * changed since the store opened: a TTL edited just before a cleanup must
 * count). A store no config names runs with the defaults.
 */
async function currentConfig(store) {
    const folder = store.session.folder;
    const { config: fileConfig } = await (0, storeRef_1.configOfStore)(store.session.root, folder ? [folder] : []);
    const bus = store.session.settings.bus;
    // The `eventbus.bus.*` settings the user set win over the file (they were checked when the settings were read).
    return Object.keys(bus).length === 0 ? fileConfig : (0, validateConfig_1.validateConfig)({ ...fileConfig, ...bus }, { name: 'eventbus.bus settings' });
}
/** A non-empty string parameter, or an error naming it and what was expected. */
function requireText(name, value, example) {
    if (typeof value !== 'string' || value.trim().length === 0) {
        throw new Error(`${name} must be a non-empty string (e.g. ${example}), got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
    }
    return value;
}
/** An optional whole-number parameter. */
function optionalWhole(name, value) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value))
        throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}`);
    return value;
}
/** An optional string parameter ('' counts as absent). */
function optionalText(name, value) {
    if (value === undefined || value === null || value === '')
        return undefined;
    if (typeof value !== 'string')
        throw new Error(`${name} must be a string, got ${typeof value}`);
    return value;
}
//# sourceMappingURL=writeStore.js.map