import type { CliIo } from './output';

/** One `eventbus <name>` subcommand: parse args -> call the engine -> print. Returns the exit code. */
export interface Command {
  readonly name: string;
  /** The full `--help` text. */
  readonly usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/**
 * A subcommand as the command list knows it: its name and one line, and a
 * way to run it that loads its module only then. `eventbus stats` never
 * loads (or parses) the code of validate, copy or publish.
 */
export interface CommandEntry {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** An entry whose module is imported when the command runs. */
export function lazyCommand(name: string, summary: string, load: () => Promise<Command>): CommandEntry {
  return {
    name,
    summary,
    async run(argv, io) {
      return (await load()).run(argv, io);
    },
  };
}
