"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const openStore_1 = require("../openStore");
// A server that went away (killed, crashed) leaves nobody to use the index: stop rather than scan on as an orphan.
process.on('disconnect', () => process.exit(process.exitCode ?? 0));
async function main() {
    const request = JSON.parse(process.argv[2] ?? '{}');
    if (typeof request.root !== 'string')
        throw new Error('usage: indexBuild.js {"root": "<store folder>"}');
    let lastSent = 0;
    const engine = await (0, openStore_1.openStore)(request.root, {
        sequenceMode: request.sequenceMode,
        onProgress: (done, total) => {
            // Throttled: the parent only shows a percentage.
            const now = Date.now();
            if (now - lastSent < 100 && done < total)
                return;
            lastSent = now;
            process.send?.({ progress: [done, total] });
        },
    });
    await engine.close();
    process.send?.({ done: true });
}
main().then(() => process.disconnect?.(), (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
    process.disconnect?.();
});
//# sourceMappingURL=indexBuildMain.js.map