"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.lazyCommand = lazyCommand;
/** An entry whose module is imported when the command runs. */
function lazyCommand(name, summary, load) {
    return {
        name,
        summary,
        async run(argv, io) {
            return (await load()).run(argv, io);
        },
    };
}
//# sourceMappingURL=command.js.map