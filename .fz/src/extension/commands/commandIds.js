"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SHOW_PROBLEMS_COMMAND = exports.WRITING_COMMANDS = exports.TRUSTED_CONTEXT_KEY = exports.PaletteCommand = void 0;
/**
 * The palette commands' ids and the context key their menus use, in one
 * place: package.json names the same strings (a unit test keeps the two
 * in step).
 */
exports.PaletteCommand = {
    replayAggregate: 'eventbus.replayAggregatePick',
    replayCorrelation: 'eventbus.replayCorrelation',
    rebuildAtSequence: 'eventbus.rebuildAtSequence',
    createSnapshot: 'eventbus.createSnapshot',
    verifySnapshots: 'eventbus.verifySnapshots',
    restoreFromSnapshot: 'eventbus.restoreFromSnapshot',
    publishEvent: 'eventbus.publishEvent',
    validateStore: 'eventbus.validateStore',
    cleanupExpired: 'eventbus.cleanupExpired',
    migrateSchemas: 'eventbus.migrateSchemas',
    refresh: 'eventbus.refresh',
};
/** Context key: true in a trusted workspace (commands that write are shown only then). */
exports.TRUSTED_CONTEXT_KEY = 'eventbus.trusted';
/** Commands that write to the store: refused in an untrusted workspace. */
exports.WRITING_COMMANDS = [exports.PaletteCommand.publishEvent, exports.PaletteCommand.cleanupExpired, exports.PaletteCommand.migrateSchemas];
/** VS Code's own command that opens the Problems panel. */
exports.SHOW_PROBLEMS_COMMAND = 'workbench.actions.view.problems';
//# sourceMappingURL=commandIds.js.map