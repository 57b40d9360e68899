"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigError = void 0;
/**
 * A configuration that cannot be used. The message names the file, the line,
 * the key, what was expected and what it got, one problem per line:
 *   eventbus.config.json:4:5: "batch_size": expected an integer >= 1, got the string "100"
 */
class ConfigError extends Error {
    source;
    problems;
    constructor(source, problems) {
        super(problems.map((problem) => formatProblem(source, problem)).join('\n'));
        this.source = source;
        this.problems = problems;
        this.name = 'ConfigError';
    }
}
exports.ConfigError = ConfigError;
function formatProblem(source, problem) {
    const where = problem.line !== undefined ? `${source}:${problem.line}:${problem.column ?? 1}` : source;
    const key = problem.key !== undefined ? ` "${problem.key}":` : '';
    return `${where}:${key} expected ${problem.expected}, got ${problem.got}`;
}
//# sourceMappingURL=configError.js.map