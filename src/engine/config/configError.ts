export interface ConfigProblem {
  /** The key at fault; undefined for a problem with the file as a whole (syntax, shape). */
  readonly key?: string;
  readonly expected: string;
  readonly got: string;
  /** 1-based, when the configuration came from a file. */
  readonly line?: number;
  readonly column?: number;
}

/**
 * A configuration that cannot be used. The message names the file, the line,
 * the key, what was expected and what it got, one problem per line:
 *   eventbus.config.json:4:5: "batch_size": expected an integer >= 1, got the string "100"
 */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(problems.map((problem) => formatProblem(source, problem)).join('\n'));
    this.name = 'ConfigError';
  }
}

function formatProblem(source: string, problem: ConfigProblem): string {
  const where = problem.line !== undefined ? `${source}:${problem.line}:${problem.column ?? 1}` : source;
  const key = problem.key !== undefined ? ` "${problem.key}":` : '';
  return `${where}:${key} expected ${problem.expected}, got ${problem.got}`;
}
