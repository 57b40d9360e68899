"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LineWriter = exports.CliFailure = exports.UsageError = exports.EXIT_USAGE = exports.EXIT_PROBLEMS = exports.EXIT_OK = void 0;
exports.processIo = processIo;
exports.printJson = printJson;
exports.giveWay = giveWay;
exports.printLine = printLine;
exports.progressReporter = progressReporter;
exports.isIoError = isIoError;
exports.oneLine = oneLine;
const terminalText_1 = require("./format/terminalText");
/** How long a command that does not stop on its own has after Ctrl-C. */
const INTERRUPT_GRACE_MS = 300;
/** How long one that waits on `interrupted` (tail --follow) has to stop by itself: within a second in all. */
const FOLLOWER_GRACE_MS = 900;
function processIo() {
    // `eventbus events | head` closes the pipe early: that is the reader's choice, not an error.
    // (Noticed when the event loop gets a turn: commands that print a lot give way between batches.)
    process.stdout.on('error', (error) => {
        if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED')
            process.exit(0);
        process.stderr.write(`eventbus: cannot write the output: ${error.message}\n`);
        process.exit(exports.EXIT_USAGE);
    });
    let followed = false;
    const interrupted = new Promise((resolve) => {
        const onSignal = (signal) => {
            resolve();
            // A follower stops on `interrupted` and exits 0 by itself; whatever is still running then ends here, quietly
            // (128 + the signal's number, as shells report it). A second Ctrl-C kills at once: the default is back.
            setTimeout(() => process.exit(signal === 'SIGINT' ? 130 : 143), followed ? FOLLOWER_GRACE_MS : INTERRUPT_GRACE_MS).unref();
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
    });
    return {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        stderrIsTty: process.stderr.isTTY === true,
        cwd: process.cwd(),
        // A command that asks for it waits for Ctrl-C to stop (tail --follow): it gets the longer grace.
        get interrupted() {
            followed = true;
            return interrupted;
        },
    };
}
/** Exit codes: 0 fine, 1 the store has problems (findings, drift, rejected event), 2 usage or I/O error. */
exports.EXIT_OK = 0;
exports.EXIT_PROBLEMS = 1;
exports.EXIT_USAGE = 2;
/** A mistake in the command line: printed as one line, exit 2. */
class UsageError extends Error {
    name = 'UsageError';
}
exports.UsageError = UsageError;
/**
 * Anything the command cannot do: one line on stderr. Exit 2 for reasons
 * outside the store's content (missing folder, unreadable file); a command
 * may pass 1 for "not there" answers (no such correlation).
 */
class CliFailure extends Error {
    exitCode;
    name = 'CliFailure';
    constructor(message, exitCode = exports.EXIT_USAGE) {
        super(message);
        this.exitCode = exitCode;
    }
}
exports.CliFailure = CliFailure;
function printJson(io, value) {
    io.stdout(`${(0, terminalText_1.jsonTerminalSafe)(JSON.stringify(value, null, 2))}\n`);
}
/**
 * Gives the event loop a turn. Output loops that would otherwise run on
 * promises alone call it between batches, so a closed pipe (EPIPE) or
 * Ctrl-C is acted on within a batch, not when the loop is done.
 */
function giveWay() {
    return new Promise((resolve) => setImmediate(resolve));
}
/** Lines gathered into writes of about BATCH_BYTES, giving way after each. */
class LineWriter {
    io;
    static BATCH_BYTES = 64 * 1024;
    batch = '';
    constructor(io) {
        this.io = io;
    }
    async line(text) {
        this.batch += `${text}\n`;
        if (this.batch.length >= LineWriter.BATCH_BYTES)
            await this.flush();
    }
    async flush() {
        if (this.batch.length === 0)
            return;
        this.io.stdout(this.batch);
        this.batch = '';
        await giveWay();
    }
}
exports.LineWriter = LineWriter;
function printLine(io, text = '') {
    io.stdout(`${text}\n`);
}
/** A progress reporter for long work; silent unless stderr is a terminal. */
function progressReporter(io, label) {
    if (!io.stderrIsTty)
        return { update: () => undefined, clear: () => undefined, done: () => undefined };
    let lastPercent = -1;
    let shown = false;
    return {
        update(done, total) {
            const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
            if (percent === lastPercent)
                return;
            lastPercent = percent;
            shown = true;
            io.stderr(`\r${label} ${percent}%`);
        },
        /** Wipes the progress line (before output that shares the terminal); the next update redraws it. */
        clear() {
            if (!shown)
                return;
            io.stderr('\r\x1b[K');
            shown = false;
            lastPercent = -1;
        },
        done() {
            if (shown)
                io.stderr('\r\x1b[K');
        },
    };
}
/** An error of the file system (it or one of its causes has an errno code such as ENOSPC or EACCES). */
function isIoError(error) {
    for (let at = error, depth = 0; at instanceof Error && depth < 8; at = at.cause, depth++) {
        if (typeof at.code === 'string' && /^E[A-Z]+$/.test(at.code))
            return true;
    }
    return false;
}
/** One line, whatever the error: multi-line engine messages are joined so scripts can grep them. */
function oneLine(message) {
    return message
        .split(/\r?\n/)
        .map((part) => part.trim())
        .filter((part) => part.length > 0)
        .join('; ');
}
//# sourceMappingURL=output.js.map