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
exports.storeShareOf = storeShareOf;
const path = __importStar(require("node:path"));
/** The share of the store held by these day files (store-relative paths, as plans name them). */
function storeShareOf(root, index, files) {
    const touched = new Set(files.map((file) => path.posix.basename(file.replace(/\\/g, '/'))));
    const days = index.files.filter((f) => f.day !== null);
    const newestDay = days.reduce((newest, f) => (newest === null || f.day > newest ? f.day : newest), null);
    let events = 0;
    const touchedDays = new Set();
    let includesNewestDay = false;
    for (const file of index.files) {
        if (!touched.has(path.posix.basename(file.file)))
            continue;
        events += file.events;
        if (file.day !== null)
            touchedDays.add(file.day);
        if (file.day !== null && file.day === newestDay)
            includesNewestDay = true;
    }
    return {
        events,
        totalEvents: index.eventCount,
        days: touchedDays.size,
        totalDays: new Set(days.map((f) => f.day)).size,
        includesNewestDay,
        folderName: path.basename(root),
    };
}
//# sourceMappingURL=storeShare.js.map