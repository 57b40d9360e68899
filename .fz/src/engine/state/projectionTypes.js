"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProjectionsNotAllowedError = exports.ProjectionError = exports.DEFAULT_PROJECTION_LIMITS = void 0;
exports.DEFAULT_PROJECTION_LIMITS = Object.freeze({
    timeLimitMs: 10_000,
    maxMemoryMb: 256,
    batchSize: 500,
});
/** Why a projection run failed; `file` is store-relative. */
class ProjectionError extends Error {
    file;
    reason;
    constructor(file, reason) {
        super(`projection ${file}: ${reason}`);
        this.file = file;
        this.reason = reason;
        this.name = 'ProjectionError';
    }
}
exports.ProjectionError = ProjectionError;
class ProjectionsNotAllowedError extends Error {
    files;
    constructor(files) {
        super(`${files.length} projection module(s) in the store (${files.join(', ')}) were not run: running them executes ` +
            'code from the store. Allow it only for a store you trust: open it in a trusted workspace, or pass ' +
            '--allow-projections to the eventbus command.');
        this.files = files;
        this.name = 'ProjectionsNotAllowedError';
    }
}
exports.ProjectionsNotAllowedError = ProjectionsNotAllowedError;
//# sourceMappingURL=projectionTypes.js.map