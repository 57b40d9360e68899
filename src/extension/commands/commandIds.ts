/**
 * The palette commands' ids and the context key their menus use, in one
 * place: package.json names the same strings (a unit test keeps the two
 * in step).
 */
export const PaletteCommand = {
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
} as const;

export type PaletteCommandId = (typeof PaletteCommand)[keyof typeof PaletteCommand];

/** Context key: true in a trusted workspace (commands that write are shown only then). */
export const TRUSTED_CONTEXT_KEY = 'eventbus.trusted';

/** Commands that write to the store: refused in an untrusted workspace. */
export const WRITING_COMMANDS: readonly PaletteCommandId[] = [PaletteCommand.publishEvent, PaletteCommand.cleanupExpired, PaletteCommand.migrateSchemas];

/** VS Code's own command that opens the Problems panel. */
export const SHOW_PROBLEMS_COMMAND = 'workbench.actions.view.problems';
