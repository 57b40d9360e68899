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
exports.OutDirHoldsStoreError = void 0;
exports.prepareOutDir = prepareOutDir;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const layout_1 = require("../store/layout");
/** The generator's folders; `force` removes only these, never anything else the user keeps there. */
const GENERATED_DIRS = [layout_1.EVENTS_DIR, layout_1.SNAPSHOTS_DIR, layout_1.SCHEMAS_DIR, layout_1.CACHE_DIR];
/**
 * Leftover files from an earlier run would mix with the new ones (and break
 * byte-identical output), so an existing store is refused unless `force`.
 */
function prepareOutDir(outDir, force) {
    if (fs.existsSync(outDir)) {
        if (!fs.statSync(outDir).isDirectory())
            throw new Error(`${outDir}: exists and is not a folder`);
        const existing = GENERATED_DIRS.filter((dir) => {
            const full = path.join(outDir, dir);
            return fs.existsSync(full) && fs.readdirSync(full).length > 0;
        });
        if (existing.length > 0) {
            if (!force) {
                throw new OutDirHoldsStoreError(outDir, existing);
            }
            for (const dir of GENERATED_DIRS)
                fs.rmSync(path.join(outDir, dir), { recursive: true, force: true });
        }
    }
    fs.mkdirSync(outDir, { recursive: true });
}
/** The folder already holds a store: the generator never replaces one unasked (each caller says how to ask: the CLI's --force). */
class OutDirHoldsStoreError extends Error {
    outDir;
    existing;
    constructor(outDir, existing) {
        super(`${outDir}: already holds a store (${existing.join(', ')}); choose an empty folder, or move that store away first`);
        this.outDir = outDir;
        this.existing = existing;
        this.name = 'OutDirHoldsStoreError';
    }
}
exports.OutDirHoldsStoreError = OutDirHoldsStoreError;
//# sourceMappingURL=prepareOutDir.js.map