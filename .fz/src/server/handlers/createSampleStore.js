"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.createSampleStore = createSampleStore;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const generateStore_1 = require("../../engine/generate/generateStore");
const settings_1 = require("../../shared/settings");
const DEFAULT_SAMPLE_EVENTS = 5000;
const MAX_SAMPLE_EVENTS = 200_000;
const SAMPLE_DAYS = 3;
const DAY_MS = 86_400_000;
/**
 * The welcome view's "Create a sample store": the engine's generator (with
 * faults of every kind, so diagnostics and drift have something to show)
 * writes `<folder>/event_store`, then the store is opened like any other.
 * The days end yesterday (UTC) so the views' relative times read naturally.
 */
async function createSampleStore(ctx, params, now = Date.now()) {
    const folder = params?.folder;
    if (typeof folder !== 'string' || !path.isAbsolute(folder))
        throw new Error(`createSampleStore: expected the absolute path of a workspace folder, got ${JSON.stringify(folder)}`);
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
        throw new Error(`${folder}: not a folder`);
    const events = params.events ?? DEFAULT_SAMPLE_EVENTS;
    if (!Number.isInteger(events) || events < 1 || events > MAX_SAMPLE_EVENTS)
        throw new Error(`events must be a whole number from 1 to ${MAX_SAMPLE_EVENTS}, got ${String(events)}`);
    const storeRoot = path.join(folder, settings_1.DEFAULT_STORE_PATH);
    const startDay = new Date(now - SAMPLE_DAYS * DAY_MS).toISOString().slice(0, 10);
    const summary = await (0, generateStore_1.generateStore)({ events, outDir: storeRoot, days: SAMPLE_DAYS, startDay, withErrors: true, seed: 'sample' });
    const session = ctx.sessionFor(storeRoot);
    await session.ready;
    return { storeRoot, events: summary.events, files: summary.files };
}
//# sourceMappingURL=createSampleStore.js.map