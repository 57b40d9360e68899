import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createEvent, serializeEvent } from '../../src/engine/model/event';
import { makeTempDir } from '../helpers/tempStore';

const CLI = path.resolve(__dirname, '../../src/cli/main.js');
const EVIL_TYPE = 'evil\x1b]0;pwned\x07_type\u009b31m';
const FORGED_TYPE = 'line\nevents/forged.jsonl:1:1 error EB001 forged';
const EVIL_AGGREGATE = 'agg\x1b[31mred';
const EVIL_SOURCE = 'src\x1b[2J';
const CORRELATION = 'corr_1';
/** ESC, BEL, C1 CSI and a raw newline: none may reach a terminal from a store. */
const RAW_CONTROL = /[\x07\x1b\u009b]/;

function run(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeHostileStore(store: string): void {
  const first = createEvent(EVIL_TYPE, { n: 1 }, { source: EVIL_SOURCE, aggregate_id: EVIL_AGGREGATE, correlation_id: CORRELATION, sequence_number: 1, timestamp: '2026-01-01T00:00:00.000Z' });
  const second = createEvent(FORGED_TYPE, { n: 2 }, { source: EVIL_SOURCE, aggregate_id: EVIL_AGGREGATE, correlation_id: CORRELATION, causation_id: first.metadata.event_id, sequence_number: 2, timestamp: '2026-01-01T00:00:01.000Z' });
  fs.mkdirSync(path.join(store, 'events'), { recursive: true });
  fs.writeFileSync(path.join(store, 'events', 'events_2026-01-01.jsonl'), `${serializeEvent(first)}\n${serializeEvent(second)}\n`);
  // A file name holding ESC and a newline: not a day file, named in a warning.
  fs.writeFileSync(path.join(store, 'events', 'x\x1b[2J\nforged.jsonl'), `${serializeEvent(first)}\n`);
}

describe('text output a terminal can trust', () => {
  it('escapes ESC, C1 and newlines from event_type, aggregate_id, source and file names in stats, validate, replay, correlation; JSON stays exact', () => {
    const { dir, cleanup } = makeTempDir('eventbus-terminal-');
    try {
      writeHostileStore(dir);
      const outputs = {
        stats: run(['stats', '--store', dir]),
        validate: run(['validate', '--store', dir]),
        replay: run(['replay', '--aggregate', EVIL_AGGREGATE, '--store', dir]),
        correlation: run(['correlation', CORRELATION, '--store', dir]),
        events: run(['events', '--store', dir]),
        unknownAggregate: run(['rebuild', '--aggregate', `${EVIL_AGGREGATE}\nforged`, '--store', dir]),
      };
      for (const [command, output] of Object.entries(outputs)) {
        assert.doesNotMatch(output.stdout, RAW_CONTROL, `${command} stdout`);
        assert.doesNotMatch(output.stderr, RAW_CONTROL, `${command} stderr`);
      }
      assert.match(outputs.stats.stdout, /evil\\x1b\]0;pwned\\x07_type\\x9b31m/, 'the type is shown, escaped');
      assert.match(outputs.stats.stdout, /line\\nevents\/forged\.jsonl/);
      assert.match(outputs.stats.stdout, /warning +events\/x\\x1b\[2J\\nforged\.jsonl: not a day file/);

      const replayLines = outputs.replay.stdout.trimEnd().split('\n');
      assert.equal(replayLines.length, 2, 'one line per event: the newline in event_type forged none');
      for (const line of replayLines) assert.match(line, /^#\d+ /);
      for (const line of outputs.validate.stdout.trimEnd().split('\n')) {
        assert.match(line, /^(\S+:\d+:\d+ (error|warning|information|hint) EB\d{3} |\d+ errors?, )/, `a forged validate line: ${line}`);
      }
      assert.match(outputs.correlation.stdout, /agg\\x1b\[31mred #1/);
      assert.equal(outputs.correlation.stdout.trimEnd().split('\n').length, 3, 'two events and the summary');

      const stats = JSON.parse(run(['stats', '--store', dir, '--json']).stdout) as { event_types: Record<string, number>; events: number; ignored_files: string[] };
      assert.deepEqual(Object.keys(stats.event_types).sort(), [EVIL_TYPE, FORGED_TYPE].sort(), 'JSON keeps the exact text');
      assert.equal(stats.events, 2, 'the stray file is not read as events');
      assert.deepEqual(stats.ignored_files, ['events/x\x1b[2J\nforged.jsonl']);
      const events = outputs.events.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { event_type: string });
      assert.deepEqual(events.map((e) => e.event_type), [EVIL_TYPE, FORGED_TYPE]);
    } finally {
      cleanup();
    }
  });
});
