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
exports.pendingWorkOf = pendingWorkOf;
exports.describePendingWork = describePendingWork;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const migrationJournal_1 = require("./migrationJournal");
const cleanupJournal_1 = require("./cleanupJournal");
const JOURNALS = [
    { journal: migrationJournal_1.MIGRATION_JOURNAL, what: 'a schema migration' },
    { journal: cleanupJournal_1.CLEANUP_JOURNAL, what: 'a TTL cleanup' },
];
/**
 * Interrupted multi-file work: until the next writer (publish, cleanup or
 * migrate) finishes or undoes it, readers may see the store half way, so
 * this is what they say. Reading only: nothing is recovered here.
 */
function pendingWorkOf(storeRoot) {
    return JOURNALS.filter((work) => fs.existsSync(path.join(storeRoot, work.journal)));
}
/** One line for a person: what was interrupted and what finishes it. */
function describePendingWork(work) {
    return `${work.what} was interrupted (${work.journal}); the next writer (eventbus publish, cleanup or migrate) finishes or undoes it — until then the store may show it half done`;
}
//# sourceMappingURL=pendingWork.js.map