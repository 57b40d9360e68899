"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Child process of the two-writers test: opens the store for writing, says
 * "locked", and keeps the lock until killed or until stdin closes.
 *
 * argv: <storeRoot>
 */
const eventFileAppender_1 = require("../../../src/engine/store/eventFileAppender");
async function main() {
    const appender = await eventFileAppender_1.EventFileAppender.open(process.argv[2]);
    process.stdout.write('locked\n');
    process.stdin.resume();
    process.stdin.on('end', () => {
        void appender.close().then(() => process.exit(0));
    });
}
main().catch((error) => {
    process.stderr.write(`holdWriterLock: ${error.message}\n`);
    process.exit(1);
});
//# sourceMappingURL=holdWriterLock.js.map