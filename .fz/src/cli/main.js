#!/usr/bin/env node
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const commandTable_1 = require("./commandTable");
const output_1 = require("./output");
const run_1 = require("./run");
// The `eventbus` command. Sets process.exitCode rather than calling
// process.exit, so output piped to another program is flushed first.
(0, run_1.runCli)(process.argv.slice(2), (0, output_1.processIo)(), commandTable_1.COMMANDS).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`eventbus: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
});
//# sourceMappingURL=main.js.map