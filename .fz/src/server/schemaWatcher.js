"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.watchSchemas = watchSchemas;
const chokidar_1 = require("chokidar");
/** Quiet time after the last schema file event before reloading: an editor's save is several events. */
const SETTLE_MS = 150;
/**
 * Calls `onChange` once a burst of changes under the schemas folder
 * (schemas and migrations, any depth) has settled. The folder need not
 * exist yet: one created later is picked up. `ready` resolves once the
 * watcher has seen the folder (a change before that could go unnoticed).
 */
function watchSchemas(schemasDir, onChange) {
    const watcher = (0, chokidar_1.watch)(schemasDir, { ignoreInitial: true, depth: 4 });
    const ready = new Promise((resolve) => watcher.once('ready', () => resolve()));
    let timer;
    const schedule = () => {
        if (timer)
            clearTimeout(timer);
        timer = setTimeout(() => {
            timer = undefined;
            onChange();
        }, SETTLE_MS);
    };
    watcher.on('add', schedule).on('change', schedule).on('unlink', schedule).on('addDir', schedule).on('unlinkDir', schedule);
    return {
        ready,
        async close() {
            if (timer)
                clearTimeout(timer);
            await watcher.close();
        },
    };
}
//# sourceMappingURL=schemaWatcher.js.map