"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.snapshotsCommand = void 0;
const snapshotStore_1 = require("../../engine/snapshot/snapshotStore");
const args_1 = require("../args");
const output_1 = require("../output");
const storeAccess_1 = require("../storeAccess");
const terminalText_1 = require("../format/terminalText");
const usage = `Usage: eventbus snapshots [--aggregate A] [--store DIR] [--json]

Lists the snapshot files of the store, by aggregate then sequence.

  --aggregate A   only the snapshots of aggregate A
  --store DIR     the event store (default ./event_store)
  --json          an array of {aggregate_id, sequence_number, file}`;
exports.snapshotsCommand = {
    name: 'snapshots',
    usage,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommandArgs)(argv, { ...args_1.COMMON_OPTIONS, ...args_1.JSON_OPTION, aggregate: { type: 'string' } });
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
        (0, storeAccess_1.requireStoreFolder)(storePath);
        // Listing needs no index: file names say aggregate and sequence.
        const listing = await (0, snapshotStore_1.listSnapshotFiles)(storePath, values.aggregate);
        for (const ignored of listing.ignored)
            io.stderr(`ignored ${(0, terminalText_1.terminalSafe)(ignored.file)}: ${(0, terminalText_1.terminalSafe)(ignored.reason)}\n`);
        if (values.json) {
            (0, output_1.printJson)(io, listing.snapshots.map((s) => ({ aggregate_id: s.aggregate_id, sequence_number: s.sequence_number, file: s.file })));
            return output_1.EXIT_OK;
        }
        if (listing.snapshots.length === 0)
            (0, output_1.printLine)(io, 'no snapshots');
        const width = Math.max(0, ...listing.snapshots.map((s) => s.aggregate_id.length));
        for (const s of listing.snapshots)
            (0, output_1.printLine)(io, (0, terminalText_1.terminalSafe)(`${s.aggregate_id.padEnd(width)}  #${String(s.sequence_number).padEnd(8)}  ${s.file}`));
        return output_1.EXIT_OK;
    },
};
//# sourceMappingURL=snapshots.js.map