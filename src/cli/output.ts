import { jsonTerminalSafe } from './format/terminalText';
/**
 * Where the CLI writes, injectable so tests can run commands in-process.
 * Machine-readable output goes to stdout only; progress and errors go to
 * stderr, progress only when stderr is a terminal (never into a log file).
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrIsTty: boolean;
  /** The folder relative paths are resolved against (the workspace root). */
  readonly cwd: string;
  /** Resolves when the user asks to stop (Ctrl-C); `tail --follow` waits on it. */
  readonly interrupted: Promise<void>;
}

export function processIo(): CliIo {
  // `eventbus events | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
    cwd: process.cwd(),
    interrupted: new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
  };
}

/** Exit codes: 0 fine, 1 the store has problems (findings, drift, rejected event), 2 usage or I/O error. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** A mistake in the command line: printed as one line, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Anything the command cannot do: one line on stderr. Exit 2 for reasons
 * outside the store's content (missing folder, unreadable file); a command
 * may pass 1 for "not there" answers (no such correlation).
 */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${jsonTerminalSafe(JSON.stringify(value, null, 2))}\n`);
}

export function printLine(io: CliIo, text = ''): void {
  io.stdout(`${text}\n`);
}

/** A progress reporter for long work; silent unless stderr is a terminal. */
export function progressReporter(io: CliIo, label: string): { update: (done: number, total: number) => void; done: () => void } {
  if (!io.stderrIsTty) return { update: () => undefined, done: () => undefined };
  let lastPercent = -1;
  let shown = false;
  return {
    update(done, total) {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
      if (percent === lastPercent) return;
      lastPercent = percent;
      shown = true;
      io.stderr(`\r${label} ${percent}%`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}

/** An error of the file system (it or one of its causes has an errno code such as ENOSPC or EACCES). */
export function isIoError(error: unknown): boolean {
  for (let at: unknown = error, depth = 0; at instanceof Error && depth < 8; at = at.cause, depth++) {
    if (typeof (at as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((at as NodeJS.ErrnoException).code as string)) return true;
  }
  return false;
}

/** One line, whatever the error: multi-line engine messages are joined so scripts can grep them. */
export function oneLine(message: string): string {
  return message
    .split(/\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join('; ');
}
