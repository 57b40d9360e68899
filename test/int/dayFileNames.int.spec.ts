import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as zlib from 'node:zlib';
import { createEvent, serializeEvent } from '../../src/engine/model/event';
import { makeTempDir } from '../helpers/tempStore';

const CLI = path.resolve(__dirname, '../../src/cli/main.js');

function line(n: number): string {
  return serializeEvent(createEvent('component_started', { n }, { source: 't', sequence_number: n, timestamp: `2026-01-0${n}T00:00:00.000Z` }));
}

describe('day files by name', () => {
  it('reads only events_YYYY-MM-DD.jsonl and .jsonl.gz; anything else in events/ is one warning naming it', () => {
    const { dir, cleanup } = makeTempDir('eventbus-daynames-');
    try {
      const events = path.join(dir, 'events');
      fs.mkdirSync(events, { recursive: true });
      fs.writeFileSync(path.join(events, 'events_2026-01-01.jsonl'), `${line(1)}\n`);
      fs.writeFileSync(path.join(events, 'events_2026-01-02.jsonl.gz'), zlib.gzipSync(`${line(2)}\n`));
      // Strays: copies of events that must not be counted again.
      for (const stray of ['notes.jsonl', 'events_2026-01-01.jsonl.bak', 'events_2026-1-3.jsonl', 'backup.jsonl.gz']) {
        fs.writeFileSync(path.join(events, stray), `${line(1)}\n${line(2)}\n`);
      }
      const stats = spawnSync(process.execPath, [CLI, 'stats', '--store', dir, '--json'], { encoding: 'utf8' });
      assert.equal(stats.status, 0, stats.stderr);
      const parsed = JSON.parse(stats.stdout) as { events: number; invalid_lines: number; ignored_files: string[] };
      assert.equal(parsed.events, 2);
      assert.equal(parsed.invalid_lines, 0);
      assert.deepEqual(parsed.ignored_files.sort(), ['events/backup.jsonl.gz', 'events/events_2026-01-01.jsonl.bak', 'events/events_2026-1-3.jsonl', 'events/notes.jsonl']);

      const validate = spawnSync(process.execPath, [CLI, 'validate', '--store', dir, '--json'], { encoding: 'utf8' });
      const findings = JSON.parse(validate.stdout) as { file: string; code: string; severity: string }[];
      const warnings = findings.filter((f) => f.code === 'EB024');
      assert.deepEqual(warnings.map((f) => f.file).sort(), parsed.ignored_files.sort(), 'one warning per stray file');
      assert.ok(warnings.every((f) => f.severity === 'warning'));
      assert.equal(findings.filter((f) => f.code === 'EB013').length, 0, 'no duplicate ids: the strays were not read');
    } finally {
      cleanup();
    }
  });
});
