import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as zlib from 'node:zlib';
import { createEvent, type Event } from '../../src/engine/model/event';
import { compressDayFile } from '../../src/engine/store/compressDay';
import { EventFileAppender } from '../../src/engine/store/eventFileAppender';
import { makeTempDir, writeEventFile } from '../helpers/tempStore';

function eventAt(timestamp: string, n: number): Event {
  return createEvent('trade_executed', { n }, { timestamp, sequence_number: n, source: 'test' });
}

/** Event lines of a file, as the brief's crash check reads them: split on '\n', skip blank lines. */
function linesOf(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.length > 0);
}

function numbersIn(file: string): number[] {
  return linesOf(file).map((line) => (JSON.parse(line) as { data: { n: number } }).data.n);
}

describe('EventFileAppender', () => {
  it('group-commits concurrent appends across a day boundary into the right day files, in order', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const appender = await EventFileAppender.open(dir);
      const appends: Promise<void>[] = [];
      const expected = new Map<string, number[]>([['2024-01-15', []], ['2024-01-16', []]]);
      for (let n = 0; n < 400; n++) {
        // Alternate sides of midnight; some calls carry events of both days at once.
        const day = n % 2 === 0 ? '2024-01-15T23:59:59.999Z' : '2024-01-16T00:00:00.000Z';
        expected.get(day.slice(0, 10))?.push(n);
        if (n % 10 === 9) {
          const other = n + 1000;
          expected.get('2024-01-15')?.push(other);
          appends.push(appender.append([eventAt(day, n), eventAt('2024-01-15T12:00:00Z', other)]));
        } else {
          appends.push(appender.append([eventAt(day, n)]));
        }
        if (n % 50 === 0) await new Promise((resolve) => setImmediate(resolve)); // let some commits start midway
      }
      await Promise.all(appends);
      const { commits, events } = appender.stats;
      await appender.close();
      const events15 = path.join(dir, 'events', 'events_2024-01-15.jsonl');
      const events16 = path.join(dir, 'events', 'events_2024-01-16.jsonl');
      assert.deepEqual(numbersIn(events15), expected.get('2024-01-15'));
      assert.deepEqual(numbersIn(events16), expected.get('2024-01-16'));
      assert.equal(events, 440);
      assert.ok(commits < 100, `appends were grouped: ${commits} commits for 400 appends`);
      assert.ok(fs.readFileSync(events15, 'utf8').endsWith('\n'));
      assert.equal(fs.existsSync(path.join(dir, 'writer.lock')), false, 'close releases the lock');
    } finally {
      cleanup();
    }
  });

  it('resolves an append only after its lines are in the file', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const appender = await EventFileAppender.open(dir);
      const file = path.join(dir, 'events', 'events_2024-02-01.jsonl');
      for (let n = 0; n < 5; n++) {
        await appender.append([eventAt('2024-02-01T08:00:00Z', n)]);
        assert.deepEqual(numbersIn(file).slice(-1), [n], 'visible as soon as append resolved');
      }
      await appender.close();
      await assert.rejects(appender.append([eventAt('2024-02-01T08:00:00Z', 9)]), /closed/);
    } finally {
      cleanup();
    }
  });

  it('starts new lines after a torn tail without touching its bytes', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const whole = JSON.stringify(JSON.parse(JSON.stringify(eventAt('2024-01-15T10:00:00Z', 1))));
      const torn = '{"event_type":"trade_executed","data":{"n":2},"metad';
      const original = `${whole}\n${torn}`;
      const file = writeEventFile(dir, 'events_2024-01-15.jsonl', original);
      const appender = await EventFileAppender.open(dir);
      await appender.append([eventAt('2024-01-15T11:00:00Z', 3)]);
      await appender.append([eventAt('2024-01-15T12:00:00Z', 4)]);
      await appender.close();
      const after = fs.readFileSync(file, 'utf8');
      assert.ok(after.startsWith(original), 'the torn bytes are kept exactly');
      const lines = after.split('\n');
      assert.equal(lines[1], torn, 'the torn line stays on its own line');
      assert.deepEqual(lines.slice(2, 4).map((l) => (JSON.parse(l) as { data: { n: number } }).data.n), [3, 4]);
      assert.equal(lines[4], '');
    } finally {
      cleanup();
    }
  });

  it('adds no newline to a file that already ends with one', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const first = `${JSON.stringify(eventAt('2024-01-15T10:00:00Z', 1))}\n`;
      const file = writeEventFile(dir, 'events_2024-01-15.jsonl', first);
      const appender = await EventFileAppender.open(dir);
      await appender.append([eventAt('2024-01-15T11:00:00Z', 2)]);
      await appender.close();
      assert.equal(fs.readFileSync(file, 'utf8').split('\n').filter((l) => l === '').length, 1, 'no blank line');
      assert.deepEqual(numbersIn(file), [1, 2]);
    } finally {
      cleanup();
    }
  });

  it('gzips closed days when the writer moves to a new day, adding a member to an existing .gz', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      // The 14th was compressed before and then got more lines (plain again); it ends mid-line in the .gz.
      const oldGz = `${JSON.stringify(eventAt('2024-01-14T09:00:00Z', 140))}\n{"torn":`;
      writeEventFile(dir, 'events_2024-01-14.jsonl.gz', zlib.gzipSync(oldGz));
      writeEventFile(dir, 'events_2024-01-14.jsonl', `${JSON.stringify(eventAt('2024-01-14T10:00:00Z', 141))}\n`);
      let now = Date.parse('2024-01-15T23:59:59Z');
      const errors: Error[] = [];
      const appender = await EventFileAppender.open(dir, {
        compression: true,
        clock: () => now,
        onBackgroundError: (error) => errors.push(error),
      });
      await appender.append([eventAt('2024-01-15T23:59:58Z', 150)]);
      assert.ok(fs.existsSync(path.join(dir, 'events', 'events_2024-01-15.jsonl')), 'same day: nothing compressed yet');
      now = Date.parse('2024-01-16T00:00:01Z');
      await appender.append([eventAt('2024-01-16T00:00:01Z', 160)]);
      await appender.close(); // waits for the background compression
      assert.deepEqual(errors, []);
      const eventsDir = path.join(dir, 'events');
      assert.deepEqual(fs.readdirSync(eventsDir).sort(), [
        'events_2024-01-14.jsonl.gz',
        'events_2024-01-15.jsonl.gz',
        'events_2024-01-16.jsonl',
      ]);
      const day15 = zlib.gunzipSync(fs.readFileSync(path.join(eventsDir, 'events_2024-01-15.jsonl.gz'))).toString('utf8');
      assert.deepEqual(day15.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { data: { n: number } }).data.n), [150]);
      const day14 = zlib.gunzipSync(fs.readFileSync(path.join(eventsDir, 'events_2024-01-14.jsonl.gz'))).toString('utf8');
      assert.ok(day14.startsWith(oldGz), 'old members untouched');
      assert.equal(day14.split('\n')[1], '{"torn":', 'the new member starts on its own line');
      assert.equal((JSON.parse(day14.split('\n')[2]) as { data: { n: number } }).data.n, 141);
      assert.deepEqual(numbersIn(path.join(eventsDir, 'events_2024-01-16.jsonl')), [160]);
    } finally {
      cleanup();
    }
  });

  it('waits for a day being compressed before appending more of it, then starts a fresh plain file', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      let now = Date.parse('2024-03-01T12:00:00Z');
      const appender = await EventFileAppender.open(dir, { compression: true, clock: () => now });
      await appender.append([eventAt('2024-03-01T12:00:00Z', 1)]);
      now = Date.parse('2024-03-02T00:00:05Z');
      // A late event of the closed day arrives in the same commit that notices the new day.
      await Promise.all([appender.append([eventAt('2024-03-02T00:00:05Z', 2)]), appender.append([eventAt('2024-03-01T23:59:59Z', 3)])]);
      const results = await appender.compressClosedDays();
      await appender.close();
      assert.deepEqual(results.map((r) => r.outcome), ['appended-member']);
      const day1 = zlib.gunzipSync(fs.readFileSync(path.join(dir, 'events', 'events_2024-03-01.jsonl.gz'))).toString('utf8');
      assert.deepEqual(day1.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { data: { n: number } }).data.n), [1, 3]);
      assert.equal(fs.existsSync(path.join(dir, 'events', 'events_2024-03-01.jsonl')), false);
    } finally {
      cleanup();
    }
  });

  it('compressDayFile finishes a compression that died before removing the plain file', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const content = `${JSON.stringify(eventAt('2024-01-10T10:00:00Z', 1))}\n`;
      const gz = writeEventFile(dir, 'events_2024-01-10.jsonl.gz', zlib.gzipSync(content));
      const plain = writeEventFile(dir, 'events_2024-01-10.jsonl', content);
      const before = fs.readFileSync(gz);
      const result = await compressDayFile(path.join(dir, 'events'), '2024-01-10');
      assert.equal(result.outcome, 'already-compressed');
      assert.equal(fs.existsSync(plain), false);
      assert.ok(fs.readFileSync(gz).equals(before), 'no duplicate member');
      assert.equal((await compressDayFile(path.join(dir, 'events'), '2024-01-10')).outcome, 'nothing');
    } finally {
      cleanup();
    }
  });

  it('compressDayFile leaves both files alone when the existing .gz is unreadable', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const gz = writeEventFile(dir, 'events_2024-01-11.jsonl.gz', 'not gzip at all');
      const plain = writeEventFile(dir, 'events_2024-01-11.jsonl', '{"a":1}\n');
      await assert.rejects(compressDayFile(path.join(dir, 'events'), '2024-01-11'), /events_2024-01-11\.jsonl\.gz: the existing gzip file is unreadable/);
      assert.equal(fs.readFileSync(gz, 'utf8'), 'not gzip at all');
      assert.equal(fs.readFileSync(plain, 'utf8'), '{"a":1}\n');
    } finally {
      cleanup();
    }
  });
});
