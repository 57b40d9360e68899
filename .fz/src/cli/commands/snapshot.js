"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.snapshotCommand = void 0;
const createSnapshot_1 = require("../../engine/snapshot/createSnapshot");
const drift_1 = require("../../engine/snapshot/drift");
const unsafeNumbers_1 = require("../../engine/state/unsafeNumbers");
const terminalText_1 = require("../format/terminalText");
const args_1 = require("../args");
const output_1 = require("../output");
const storeAccess_1 = require("../storeAccess");
const usage = `Usage: eventbus snapshot create --aggregate A [--at N] [--store DIR] [--json]
       eventbus snapshot verify [--aggregate A] [--store DIR] [--json]

create   writes snapshots/snapshot_<A>_<seq>.json with the rebuilt state of A
         (at sequence N, default its last event)
verify   checks each snapshot against the previous snapshot of its aggregate
         plus the events between them, folded the store's way (fold in
         eventbus.config.json, else detected from the snapshots); exits 1
         when any differs. Where TTL removed the events a check needs it says
         "cannot verify", which is not a failure.`;
async function create(argv, io) {
    const { values } = (0, args_1.parseCommandArgs)(argv, { ...args_1.COMMON_OPTIONS, ...args_1.JSON_OPTION, aggregate: { type: 'string' }, at: { type: 'string' } });
    if (values.help) {
        (0, output_1.printLine)(io, usage);
        return output_1.EXIT_OK;
    }
    const aggregateId = (0, args_1.required)('aggregate', values.aggregate);
    const atSequence = (0, args_1.integerOption)('at', values.at);
    const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
    const ref = await (0, storeAccess_1.withStore)(io, storePath, async ({ backend }) => {
        try {
            return await (0, createSnapshot_1.createSnapshot)(backend, aggregateId, { atSequence });
        }
        catch (error) {
            // An I/O error (full disk, no permission) is exit 2; "nothing to snapshot" is the store's answer, exit 1.
            throw new output_1.CliFailure((0, output_1.oneLine)(error.message), (0, output_1.isIoError)(error) ? output_1.EXIT_USAGE : output_1.EXIT_PROBLEMS);
        }
    }, { upcast: true });
    if (values.json)
        (0, output_1.printJson)(io, ref);
    else
        (0, output_1.printLine)(io, `${ref.file} (${ref.aggregate_id} at sequence ${ref.sequence_number})`);
    return output_1.EXIT_OK;
}
async function verify(argv, io) {
    const { values } = (0, args_1.parseCommandArgs)(argv, { ...args_1.COMMON_OPTIONS, ...args_1.JSON_OPTION, aggregate: { type: 'string' } });
    if (values.help) {
        (0, output_1.printLine)(io, usage);
        return output_1.EXIT_OK;
    }
    const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
    const results = await (0, storeAccess_1.withStore)(io, storePath, ({ backend }) => (0, drift_1.verifySnapshots)(backend, values.aggregate), { upcast: true });
    if (values.json) {
        (0, output_1.printJson)(io, results.map((r) => ({
            ...r.ref,
            ok: r.ok,
            ...(r.unverifiable ? { unverifiable: r.unverifiable } : {}),
            ...(r.fromSnapshot ? { from_snapshot: r.fromSnapshot.file } : {}),
            events_applied: r.eventsApplied,
            rebuilt_to_sequence: r.rebuiltToSequence,
            differences: r.differences.map(drift_1.describeDifference),
            ...(r.error ? { error: r.error } : {}),
            ...(r.numberFinding ? { findings: [{ code: r.numberFinding.code, severity: r.numberFinding.severity, paths: r.numberFinding.paths, message: r.numberFinding.message }] } : {}),
        })));
    }
    else {
        if (results.length === 0)
            (0, output_1.printLine)(io, 'no snapshots to verify');
        for (const r of results) {
            if (r.ok)
                (0, output_1.printLine)(io, `ok     ${r.ref.file}`);
            else if (r.unverifiable)
                (0, output_1.printLine)(io, `skip   ${r.ref.file}: ${r.unverifiable}`);
            else if (r.error)
                (0, output_1.printLine)(io, `error  ${r.ref.file}: ${(0, output_1.oneLine)(r.error)}`);
            else {
                (0, output_1.printLine)(io, `drift  ${r.ref.file}: ${r.differences.length} difference${r.differences.length === 1 ? '' : 's'}`);
                for (const difference of r.differences.slice(0, 20))
                    (0, output_1.printLine)(io, `         ${(0, drift_1.describeDifference)(difference)}`);
            }
            if (r.numberFinding)
                (0, output_1.printLine)(io, `         ${(0, terminalText_1.terminalSafe)((0, unsafeNumbers_1.formatStateNumberFinding)(r.numberFinding))}`);
        }
    }
    return results.every((r) => r.ok || r.unverifiable !== undefined) ? output_1.EXIT_OK : output_1.EXIT_PROBLEMS;
}
exports.snapshotCommand = {
    name: 'snapshot',
    usage,
    async run(argv, io) {
        const [action, ...rest] = argv;
        if (action === 'create')
            return create(rest, io);
        if (action === 'verify')
            return verify(rest, io);
        if (action === '--help' || action === '-h') {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        if (action === undefined)
            throw new output_1.UsageError('expected an action: eventbus snapshot create|verify');
        throw new output_1.UsageError(`unknown action "${action}" (expected create or verify)`);
    },
};
//# sourceMappingURL=snapshot.js.map