#!/usr/bin/env node
import { COMMANDS } from './commandTable';
import { processIo } from './output';
import { runCli } from './run';

// The `eventbus` command. Sets process.exitCode rather than calling
// process.exit, so output piped to another program is flushed first.
runCli(process.argv.slice(2), processIo(), COMMANDS).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eventbus: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
