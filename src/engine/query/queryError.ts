/**
 * A query that cannot be read or cannot mean anything: where (0-based offset
 * into the text, shown 1-based as a column) and what was expected there.
 */
export class QueryError extends Error {
  constructor(
    /** What went wrong and what was expected, without the position. */
    readonly reason: string,
    /** 0-based offset of the offending character in the query text. */
    readonly offset: number,
    readonly query: string,
  ) {
    super(`query, column ${offset + 1}: ${reason}`);
    this.name = 'QueryError';
  }

  get column(): number {
    return this.offset + 1;
  }

  /** The query with a caret under the column, for terminals and the query box. */
  pointer(): string {
    return `${this.query}\n${' '.repeat(Math.min(this.offset, this.query.length))}^`;
  }
}
