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
exports.recoverInterruptedWork = recoverInterruptedWork;
const path = __importStar(require("node:path"));
const migrationJournal_1 = require("./migrationJournal");
const cleanupJournal_1 = require("./cleanupJournal");
const interruptedWork_1 = require("./interruptedWork");
const layout_1 = require("./layout");
/**
 * Run by every writer right after it takes the writer lock: finishes a TTL
 * cleanup or a migration that a crash interrupted (or undoes a migration
 * that had not committed), and sweeps the temp files of dead writers. So a
 * store is as before or as after any interrupted operation by the time
 * anything is appended to it again.
 */
async function recoverInterruptedWork(storeRoot) {
    await (0, migrationJournal_1.finishInterruptedMigration)(storeRoot);
    await (0, cleanupJournal_1.finishInterruptedCleanup)(storeRoot);
    for (const dir of [storeRoot, path.join(storeRoot, layout_1.EVENTS_DIR), path.join(storeRoot, layout_1.SNAPSHOTS_DIR)]) {
        await (0, interruptedWork_1.removeStaleTempFiles)(dir);
    }
}
//# sourceMappingURL=recoverInterruptedWork.js.map