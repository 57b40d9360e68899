import { listSnapshotFiles } from '../../engine/snapshot/snapshotStore';
import { COMMON_OPTIONS, JSON_OPTION, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { EXIT_OK, printJson, printLine } from '../output';
import { requireStoreFolder, resolveStorePath } from '../storeAccess';
import { terminalSafe } from '../format/terminalText';

const usage = `Usage: eventbus snapshots [--aggregate A] [--store DIR] [--json]

Lists the snapshot files of the store, by aggregate then sequence.

  --aggregate A   only the snapshots of aggregate A
  --store DIR     the event store (default ./event_store)
  --json          an array of {aggregate_id, sequence_number, file}`;

export const snapshotsCommand: Command = {
  name: 'snapshots',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...JSON_OPTION, aggregate: { type: 'string' } });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const storePath = await resolveStorePath(io, values.store);
    requireStoreFolder(storePath);
    // Listing needs no index: file names say aggregate and sequence.
    const listing = await listSnapshotFiles(storePath, values.aggregate);
    for (const ignored of listing.ignored) io.stderr(`ignored ${terminalSafe(ignored.file)}: ${terminalSafe(ignored.reason)}\n`);
    if (values.json) {
      printJson(io, listing.snapshots.map((s) => ({ aggregate_id: s.aggregate_id, sequence_number: s.sequence_number, file: s.file })));
      return EXIT_OK;
    }
    if (listing.snapshots.length === 0) printLine(io, 'no snapshots');
    const width = Math.max(0, ...listing.snapshots.map((s) => s.aggregate_id.length));
    for (const s of listing.snapshots) printLine(io, terminalSafe(`${s.aggregate_id.padEnd(width)}  #${String(s.sequence_number).padEnd(8)}  ${s.file}`));
    return EXIT_OK;
  },
};
