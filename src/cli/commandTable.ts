import type { Command } from './command';
import { cleanupCommand } from './commands/cleanup';
import { compactCommand } from './commands/compact';
import { copyCommand } from './commands/copy';
import { correlationCommand } from './commands/correlation';
import { eventsCommand } from './commands/events';
import { exportCommand } from './commands/export';
import { generateCommand } from './commands/generate';
import { migrateCommand } from './commands/migrate';
import { publishCommand } from './commands/publish';
import { rebuildCommand } from './commands/rebuild';
import { replayCommand } from './commands/replay';
import { snapshotCommand } from './commands/snapshot';
import { snapshotsCommand } from './commands/snapshots';
import { statsCommand } from './commands/stats';
import { statusCommand } from './commands/status';
import { tailCommand } from './commands/tail';
import { validateCommand } from './commands/validate';

/** Every subcommand, in the order `eventbus --help` lists them. */
export const COMMANDS: readonly Command[] = [
  statsCommand,
  statusCommand,
  validateCommand,
  eventsCommand,
  exportCommand,
  replayCommand,
  rebuildCommand,
  correlationCommand,
  snapshotsCommand,
  snapshotCommand,
  publishCommand,
  tailCommand,
  cleanupCommand,
  compactCommand,
  migrateCommand,
  copyCommand,
  generateCommand,
];
