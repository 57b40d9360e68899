import { createSnapshot } from '../../engine/snapshot/createSnapshot';
import { describeDifference, verifySnapshots } from '../../engine/snapshot/drift';
import { formatStateNumberFinding } from '../../engine/state/unsafeNumbers';
import { terminalSafe } from '../format/terminalText';
import { COMMON_OPTIONS, integerOption, JSON_OPTION, parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { CliFailure, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, isIoError, oneLine, printJson, printLine, UsageError } from '../output';
import { resolveStorePath, withStore } from '../storeAccess';

const usage = `Usage: eventbus snapshot create --aggregate A [--at N] [--store DIR] [--json]
       eventbus snapshot verify [--aggregate A] [--store DIR] [--json]

create   writes snapshots/snapshot_<A>_<seq>.json with the rebuilt state of A
         (at sequence N, default its last event)
verify   checks each snapshot against the previous snapshot of its aggregate
         plus the events between them, folded the store's way (fold in
         eventbus.config.json, else detected from the snapshots); exits 1
         when any differs. Where TTL removed the events a check needs it says
         "cannot verify", which is not a failure.`;

async function create(argv: readonly string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...JSON_OPTION, aggregate: { type: 'string' }, at: { type: 'string' } });
  if (values.help) {
    printLine(io, usage);
    return EXIT_OK;
  }
  const aggregateId = required('aggregate', values.aggregate);
  const atSequence = integerOption('at', values.at);
  const storePath = await resolveStorePath(io, values.store);
  const ref = await withStore(
    io,
    storePath,
    async ({ backend }) => {
      try {
        return await createSnapshot(backend, aggregateId, { atSequence });
      } catch (error) {
        // An I/O error (full disk, no permission) is exit 2; "nothing to snapshot" is the store's answer, exit 1.
        throw new CliFailure(oneLine((error as Error).message), isIoError(error) ? EXIT_USAGE : EXIT_PROBLEMS);
      }
    },
    { upcast: true },
  );
  if (values.json) printJson(io, ref);
  else printLine(io, `${ref.file} (${ref.aggregate_id} at sequence ${ref.sequence_number})`);
  return EXIT_OK;
}

async function verify(argv: readonly string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...JSON_OPTION, aggregate: { type: 'string' } });
  if (values.help) {
    printLine(io, usage);
    return EXIT_OK;
  }
  const storePath = await resolveStorePath(io, values.store);
  const results = await withStore(io, storePath, ({ backend }) => verifySnapshots(backend, values.aggregate), { upcast: true });
  if (values.json) {
    printJson(
      io,
      results.map((r) => ({
        ...r.ref,
        ok: r.ok,
        ...(r.unverifiable ? { unverifiable: r.unverifiable } : {}),
        ...(r.fromSnapshot ? { from_snapshot: r.fromSnapshot.file } : {}),
        events_applied: r.eventsApplied,
        rebuilt_to_sequence: r.rebuiltToSequence,
        differences: r.differences.map(describeDifference),
        ...(r.error ? { error: r.error } : {}),
        ...(r.numberFinding ? { findings: [{ code: r.numberFinding.code, severity: r.numberFinding.severity, paths: r.numberFinding.paths, message: r.numberFinding.message }] } : {}),
      })),
    );
  } else {
    if (results.length === 0) printLine(io, 'no snapshots to verify');
    for (const r of results) {
      if (r.ok) printLine(io, `ok     ${r.ref.file}`);
      else if (r.unverifiable) printLine(io, `skip   ${r.ref.file}: ${r.unverifiable}`);
      else if (r.error) printLine(io, `error  ${r.ref.file}: ${oneLine(r.error)}`);
      else {
        printLine(io, `drift  ${r.ref.file}: ${r.differences.length} difference${r.differences.length === 1 ? '' : 's'}`);
        for (const difference of r.differences.slice(0, 20)) printLine(io, `         ${describeDifference(difference)}`);
      }
      if (r.numberFinding) printLine(io, `         ${terminalSafe(formatStateNumberFinding(r.numberFinding))}`);
    }
  }
  return results.every((r) => r.ok || r.unverifiable !== undefined) ? EXIT_OK : EXIT_PROBLEMS;
}

export const snapshotCommand: Command = {
  name: 'snapshot',
  usage,
  async run(argv, io) {
    const [action, ...rest] = argv;
    if (action === 'create') return create(rest, io);
    if (action === 'verify') return verify(rest, io);
    if (action === '--help' || action === '-h') {
      printLine(io, usage);
      return EXIT_OK;
    }
    if (action === undefined) throw new UsageError('expected an action: eventbus snapshot create|verify');
    throw new UsageError(`unknown action "${action}" (expected create or verify)`);
  },
};
