"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLI_VERSION = void 0;
exports.globalUsage = globalUsage;
exports.runCli = runCli;
const nestingDepth_1 = require("../engine/model/nestingDepth");
const output_1 = require("./output");
const terminalText_1 = require("./format/terminalText");
exports.CLI_VERSION = '0.1.0';
function globalUsage(commands) {
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
async function runCli(argv, io, commands) {
    const [name, ...rest] = argv;
    if (name === undefined) {
        io.stderr('eventbus: expected a command (see eventbus --help)\n');
        return output_1.EXIT_USAGE;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
        io.stdout(`${globalUsage(commands)}\n`);
        return output_1.EXIT_OK;
    }
    if (name === '--version' || name === '-v') {
        io.stdout(`${exports.CLI_VERSION}\n`);
        return output_1.EXIT_OK;
    }
    const command = commands.find((c) => c.name === name);
    if (!command) {
        io.stderr(`eventbus: unknown command "${name}" (expected one of ${commands.map((c) => c.name).join(', ')})\n`);
        return output_1.EXIT_USAGE;
    }
    try {
        return await command.run(rest, io);
    }
    catch (error) {
        if (process.env.EVENTBUS_DEBUG)
            io.stderr(`${error.stack ?? String(error)}\n`);
        // Messages name values from the store (aggregate ids, file names): made safe for the terminal.
        const message = (0, terminalText_1.terminalSafe)((0, output_1.oneLine)(error instanceof Error ? error.message : String(error)));
        if (error instanceof output_1.UsageError) {
            io.stderr(`eventbus ${name}: ${message} (see eventbus ${name} --help)\n`);
            return output_1.EXIT_USAGE;
        }
        io.stderr(`eventbus ${name}: ${message}\n`);
        if (error instanceof output_1.CliFailure)
            return error.exitCode;
        // A line nested past max_nesting_depth is the store's problem, not the command line's.
        return isNestingTooDeep(error) ? output_1.EXIT_PROBLEMS : output_1.EXIT_USAGE;
    }
}
function isNestingTooDeep(error) {
    for (let at = error, depth = 0; at instanceof Error && depth < 8; at = at.cause, depth++) {
        if (at instanceof nestingDepth_1.NestingTooDeepError)
            return true;
    }
    return false;
}
//# sourceMappingURL=run.js.map