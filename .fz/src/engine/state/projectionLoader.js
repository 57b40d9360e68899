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
exports.listProjectionFiles = listProjectionFiles;
exports.loadProjections = loadProjections;
exports.findProjection = findProjection;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const layout_1 = require("../store/layout");
const projectionRunner_1 = require("./projectionRunner");
const projectionTypes_1 = require("./projectionTypes");
/** `projections/*.js` (and `.cjs`) of the store, sorted; empty when the folder is absent. */
async function listProjectionFiles(storeRoot) {
    const dir = path.join(storeRoot, layout_1.PROJECTIONS_DIR);
    let entries;
    try {
        entries = await fs.promises.readdir(dir, { withFileTypes: true });
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
    return entries
        .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && /\.c?js$/.test(entry.name) && !entry.name.startsWith('.'))
        .map((entry) => `${layout_1.PROJECTIONS_DIR}/${entry.name}`)
        .sort();
}
/**
 * The store's projection modules, each loaded once in a worker to learn its
 * name and check its shape. Throws ProjectionsNotAllowedError when modules
 * exist but code execution is not allowed; a broken module is reported in
 * `problems` and the others still load.
 */
async function loadProjections(storeRoot, options) {
    const files = await listProjectionFiles(storeRoot);
    if (files.length === 0)
        return { projections: [], problems: [] };
    if (!options.allowCodeExecution)
        throw new projectionTypes_1.ProjectionsNotAllowedError(files);
    const projections = [];
    const problems = [];
    for (const relativeFile of files) {
        const file = path.join(storeRoot, ...relativeFile.split('/'));
        try {
            const name = await (0, projectionRunner_1.describeProjection)(file, relativeFile, options.limits);
            const clash = projections.find((p) => p.name === name);
            if (clash)
                problems.push({ file: relativeFile, message: `projection name "${name}" is already used by ${clash.relativeFile}; this one is skipped` });
            else
                projections.push({ name, file, relativeFile });
        }
        catch (error) {
            problems.push({ file: relativeFile, message: error instanceof projectionTypes_1.ProjectionError ? error.reason : String(error) });
        }
    }
    return { projections, problems };
}
/** The projection with that name, or a clear error listing the names there are. */
function findProjection(result, name) {
    const found = result.projections.find((p) => p.name === name);
    if (found)
        return found;
    const known = result.projections.map((p) => p.name);
    throw new Error(`no projection named "${name}" (the store has: ${known.length > 0 ? known.join(', ') : 'none'})`);
}
//# sourceMappingURL=projectionLoader.js.map