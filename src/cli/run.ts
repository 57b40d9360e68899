import type { CommandEntry } from './command';
import { NestingTooDeepError } from '../engine/model/nestingDepth';
import { CliFailure, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, oneLine, UsageError, type CliIo } from './output';
import { terminalSafe } from './format/terminalText';

export const CLI_VERSION = '0.1.0';

export function globalUsage(commands: readonly CommandEntry[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: eventbus <command> [options]',
    '',
    'Inspect, validate, replay and write JSONL event stores of the Enhanced Event Bus.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --store DIR (default ./event_store) and --help.',
    'Exit codes: 0 fine, 1 the store has problems, 2 usage or I/O error.',
  ].join('\n');
}

/**
 * Runs one command line and returns the exit code. Every failure becomes one
 * line on stderr (`eventbus <command>: <what is wrong>`): never a stack trace,
 * unless EVENTBUS_DEBUG is set.
 */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CommandEntry[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr('eventbus: expected a command (see eventbus --help)\n');
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${globalUsage(commands)}\n`);
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${CLI_VERSION}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`eventbus: unknown command "${name}" (expected one of ${commands.map((c) => c.name).join(', ')})\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (process.env.EVENTBUS_DEBUG) io.stderr(`${(error as Error).stack ?? String(error)}\n`);
    // Messages name values from the store (aggregate ids, file names): made safe for the terminal.
    const message = terminalSafe(oneLine(error instanceof Error ? error.message : String(error)));
    if (error instanceof UsageError) {
      io.stderr(`eventbus ${name}: ${message} (see eventbus ${name} --help)\n`);
      return EXIT_USAGE;
    }
    io.stderr(`eventbus ${name}: ${message}\n`);
    if (error instanceof CliFailure) return error.exitCode;
    // A line nested past max_nesting_depth is the store's problem, not the command line's.
    return isNestingTooDeep(error) ? EXIT_PROBLEMS : EXIT_USAGE;
  }
}

function isNestingTooDeep(error: unknown): boolean {
  for (let at: unknown = error, depth = 0; at instanceof Error && depth < 8; at = at.cause, depth++) {
    if (at instanceof NestingTooDeepError) return true;
  }
  return false;
}
