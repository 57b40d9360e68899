import type { CliIo } from './output';

/** One `eventbus <name>` subcommand: parse args -> call the engine -> print. Returns the exit code. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
