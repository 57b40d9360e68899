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
exports.projectionFileName = projectionFileName;
exports.listProjections = listProjections;
exports.requireProjection = requireProjection;
const path = __importStar(require("node:path"));
const projectionLoader_1 = require("../../engine/state/projectionLoader");
const projectionTypes_1 = require("../../engine/state/projectionTypes");
const protocol_1 = require("../../shared/protocol");
/** The name a module file is offered under before it is run: its file name without `.js` / `.cjs`. */
function projectionFileName(relativeFile) {
    return path.posix.basename(relativeFile).replace(/\.c?js$/, '');
}
/** The store's projection modules, by file: nothing is loaded or run. */
async function listProjections(root, enabled) {
    const files = [...(await (0, projectionLoader_1.listProjectionFiles)(root))];
    return { files, names: files.map(projectionFileName), enabled };
}
/**
 * The projection a rebuild asked for, after the two gates: the folder's
 * `eventbus.projections.enabled` and the client's workspace trust. Loading
 * runs each module once in a worker (with the same limits) to learn its
 * `name`; `requested` may be that name or the module's file name.
 */
async function requireProjection(root, params, projectionsEnabled) {
    const requested = params.projection;
    if (!projectionsEnabled || params.trusted !== true) {
        const why = !projectionsEnabled ? 'eventbus.projections.enabled is off for this folder' : 'the client reported an untrusted workspace, or sent no "trusted": true';
        throw new Error(`Rebuilding through projection "${requested}" ${protocol_1.PROJECTION_REFUSED_MESSAGE} (${why})`);
    }
    const limits = projectionLimitsOf(params.projectionTimeLimitMs);
    const loaded = await (0, projectionLoader_1.loadProjections)(root, { allowCodeExecution: true, limits });
    const byFile = loaded.projections.find((p) => projectionFileName(p.relativeFile) === requested);
    if (byFile && !loaded.projections.some((p) => p.name === requested))
        return { projection: byFile, limits };
    try {
        return { projection: (0, projectionLoader_1.findProjection)(loaded, requested), limits };
    }
    catch (error) {
        const broken = loaded.problems.find((p) => projectionFileName(p.file) === requested);
        if (broken)
            throw new Error(`projection ${broken.file} cannot be loaded: ${broken.message}`);
        throw error;
    }
}
/** A caller may shorten the time limit (tests, an impatient view), never lengthen it. */
function projectionLimitsOf(timeLimitMs) {
    if (typeof timeLimitMs !== 'number' || !Number.isFinite(timeLimitMs))
        return {};
    return { timeLimitMs: Math.min(projectionTypes_1.DEFAULT_PROJECTION_LIMITS.timeLimitMs, Math.max(100, Math.floor(timeLimitMs))) };
}
//# sourceMappingURL=projections.js.map