import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { describe, it } from 'node:test';
import { generateStore } from '../../src/engine/generate/generateStore';
import type { GeneratedFaultKind } from '../../src/engine/generate/generatorTypes';
import { openStore } from '../../src/engine/openStore';
import { loadSchemaRegistry } from '../../src/engine/schema/loadSchemaRegistry';
import type { FindingCode } from '../../src/engine/validate/codes';
import type { Finding } from '../../src/engine/validate/finding';
import { validateFiles, validateWorkerPath } from '../../src/engine/validate/fileValidationPool';
import { validateBuffer } from '../../src/engine/validate/validateFile';
import { validateStore } from '../../src/engine/validate/validateStore';
import { makeTempDir, writeEventFile } from '../helpers/tempStore';

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A Python-style line (", " and ": "), sequence `seq` on a bus-wide counter. */
function line(seq: number, extra: { id?: number; agg?: string; status?: string; cause?: string; data?: unknown; ts?: string } = {}): string {
  const event = {
    event_type: 'trade_executed',
    data: extra.data ?? { symbol: 'BTCUSDT', quantity: 1.5, note: 'Zürich €' },
    metadata: {
      event_id: uuid(extra.id ?? seq),
      version: '1.0.0',
      schema_version: '1.0',
      timestamp: extra.ts ?? `2024-01-15T10:00:${String(seq).padStart(2, '0')}.123456`,
      source: 'TradingBot',
      correlation_id: null,
      causation_id: extra.cause ?? null,
      aggregate_id: extra.agg ?? (seq % 2 === 0 ? 'trader_2' : 'trader_1'),
      sequence_number: seq,
      retry_count: 0,
      status: extra.status ?? 'completed',
      tags: {},
    },
  };
  return JSON.stringify(event).replace(/":/g, '": ').replace(/,"/g, ', "');
}

function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.file}:${f.line}:${f.column}-${f.endColumn} ${f.severity} ${f.code}`);
}

describe('validateStore on a hand-written store', () => {
  it('finds every problem with exact positions, across BOM, CRLF, gzip members, a torn tail and a corrupt gzip', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const schemaDir = path.join(dir, 'schemas', 'trade_executed');
      fs.mkdirSync(schemaDir, { recursive: true });
      fs.writeFileSync(
        path.join(schemaDir, '1.0.schema.json'),
        JSON.stringify({ type: 'object', required: ['symbol', 'quantity'], properties: { quantity: { type: 'number' } } }),
      );
      const nan = line(3).replace('"quantity": 1.5', '"quantity": NaN');
      const day1 = [
        line(1),
        '',
        nan,
        line(2, { status: 'done', cause: uuid(999) }),
        line(4, { id: 1, data: { symbol: 'BTCUSDT', quantity: 'two' } }),
        line(6),
      ];
      writeEventFile(dir, 'events_2024-01-15.jsonl', `\uFEFF${day1.join('\r\n')}\r\n`);
      const member = (lines: string[]): Buffer => zlib.gzipSync(Buffer.from(`${lines.join('\n')}\n`));
      writeEventFile(dir, 'events_2024-01-16.jsonl.gz', Buffer.concat([member([line(7, { ts: '2024-01-16T00:00:07Z' })]), member([line(8, { ts: '2024-01-16T00:00:08Z' })])]));
      const torn = line(10, { ts: '2024-01-17T00:00:10Z' }).slice(0, 80);
      writeEventFile(dir, 'events_2024-01-17.jsonl', `${line(9, { ts: '2024-01-17T00:00:09Z' })}\n${torn}`);
      const goodGzip = member([line(11, { ts: '2024-01-18T00:00:11Z' })]);
      writeEventFile(dir, 'events_2024-01-18.jsonl.gz', Buffer.concat([goodGzip, goodGzip.subarray(0, 20)]));

      const engine = await openStore(dir, { noCache: true, sequenceMode: 'global', threads: 1 });
      try {
        const report = await validateStore(engine, { threads: 1 });
        /** `start-end` columns of `token` in `text`, where `token` is what `marker` ends with. */
        const col = (text: string, marker: string, token = marker, from: 'first' | 'last' = 'first'): string => {
          const at = (from === 'first' ? text.indexOf(marker) : text.lastIndexOf(marker)) + marker.length - token.length;
          return `${at + 1}-${at + 1 + token.length}`;
        };
        const f1 = 'events/events_2024-01-15.jsonl';
        const eleven = line(11, { ts: '2024-01-18T00:00:11Z' });
        assert.deepEqual(summary(report.findings), [
          `${f1}:3:${col(day1[2], 'NaN')} error EB002`,
          `${f1}:4:${col(day1[3], `"${uuid(999)}"`)} warning EB017`,
          `${f1}:4:${col(day1[3], '"done"')} warning EB020`,
          `${f1}:5:${col(day1[4], '"two"')} error EB009`,
          `${f1}:5:${col(day1[4], `"${uuid(1)}"`)} error EB013`,
          // 3 was on the NaN line, which is no event: a gap. 5 is truly missing.
          `${f1}:5:${col(day1[4], '"sequence_number": 4', '4')} warning EB014`,
          `${f1}:6:${col(day1[5], '"sequence_number": 6', '6')} warning EB014`,
          `events/events_2024-01-17.jsonl:2:1-${torn.trimEnd().length + 1} warning EB003`,
          `events/events_2024-01-18.jsonl.gz:1:1-1 error EB021`,
          // 10 was on the torn line.
          `events/events_2024-01-18.jsonl.gz:1:${col(eleven, '"sequence_number": 11', '11')} warning EB014`,
        ]);
        const gapMessages = report.findings.filter((f) => f.code === 'EB014').map((f) => f.message);
        assert.deepEqual(gapMessages, [
          'sequence gap bus-wide: 3 is missing before 4',
          'sequence gap bus-wide: 5 is missing before 6',
          'sequence gap bus-wide: 10 is missing before 11',
        ]);
        assert.match(report.findings[8].message, /damaged gzip/);
        assert.equal(report.files, 4);
        // Blank lines are not events; the salvaged gzip member's line is checked.
        assert.equal(report.eventLines, 5 + 2 + 2 + 1);
      } finally {
        await engine.close();
      }
    } finally {
      cleanup();
    }
  });
});

describe('validating in chunks and on worker threads', () => {
  it('gives the same findings, line numbers included, as one pass', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const lines: string[] = [];
      for (let seq = 1; seq <= 60; seq++) {
        lines.push(seq % 7 === 0 ? line(seq, { status: 'weird' }) : seq % 11 === 0 ? '{"broken": ' : line(seq));
        if (seq % 13 === 0) lines.push('');
      }
      const file = writeEventFile(dir, 'events_2024-01-15.jsonl', `${lines.join('\n')}\n${line(61).slice(0, 40)}`);
      const gz = writeEventFile(dir, 'events_2024-01-16.jsonl.gz', zlib.gzipSync(Buffer.from(lines.slice(0, 20).join('\n'))));
      const registry = await loadSchemaRegistry(dir);
      const whole = validateBuffer(fs.readFileSync(file), 'f', { registry });
      assert.ok(whole.findings.length >= 14, 'the fixture has findings to compare');
      for (const count of [2, 3, 7, 200]) {
        const parts = Array.from({ length: count }, (_, index) => validateBuffer(fs.readFileSync(file), 'f', { registry }, { index, count }));
        assert.deepEqual(
          parts.flatMap((p) => p.findings),
          whole.findings,
          `${count} chunks`,
        );
        assert.equal(parts.reduce((n, p) => n + p.eventLines, 0), whole.eventLines);
      }

      assert.ok(fs.existsSync(validateWorkerPath()), 'tsc puts the worker beside the pool');
      const tasks = [
        { absPath: file, file: 'events/events_2024-01-15.jsonl', size: fs.statSync(file).size },
        { absPath: gz, file: 'events/events_2024-01-16.jsonl.gz', size: fs.statSync(gz).size },
      ];
      const settings = { registry, maxRetryCount: 3 };
      const inline = await validateFiles(tasks, settings, { threads: 1 });
      const threaded = await validateFiles(tasks, settings, { threads: 2, minBytesForWorkers: 0, chunkBytes: 2000 });
      const byFile = (results: typeof inline): typeof inline => [...results].sort((a, b) => (a.file < b.file ? -1 : 1));
      assert.deepEqual(byFile(threaded), byFile(inline));
      assert.equal(threaded.length, 2);
    } finally {
      cleanup();
    }
  });
});

describe('validateStore on a generated store', () => {
  const expected: Partial<Record<GeneratedFaultKind, FindingCode>> = {
    'schema-missing-field': 'EB009',
    'schema-bad-enum': 'EB009',
    'schema-wrong-type': 'EB009',
    'unknown-schema-version': 'EB010',
    'duplicate-event-id': 'EB013',
    'bad-timestamp': 'EB008',
    'unknown-causation': 'EB017',
    'invalid-json': 'EB001',
    'nan-value': 'EB002',
    'torn-last-line': 'EB003',
  };

  it('reports every injected fault at its line, and nothing else but information on a clean store', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const broken = await generateStore({ events: 1500, outDir: path.join(dir, 'broken'), seed: 3, withErrors: true, pythonStyle: true });
      const engine = await openStore(broken.outDir, { noCache: true });
      try {
        const report = await validateStore(engine);
        let checked = 0;
        for (const fault of broken.faults) {
          const code = expected[fault.kind];
          if (code === undefined) continue;
          const hit = report.findings.some((f) => f.file === fault.file && f.line === fault.line && f.code === code);
          assert.ok(hit, `${fault.kind} at ${fault.file}:${fault.line} should be ${code}`);
          checked++;
        }
        assert.ok(checked >= Object.keys(expected).length, `every fault kind was checked (${checked})`);
      } finally {
        await engine.close();
      }

      const clean = await generateStore({ events: 800, outDir: path.join(dir, 'clean'), seed: 4 });
      const cleanEngine = await openStore(clean.outDir, { noCache: true });
      try {
        const report = await validateStore(cleanEngine);
        const serious = report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.deepEqual(summary(serious), []);
        assert.equal(report.eventLines, clean.events);
      } finally {
        await cleanEngine.close();
      }
    } finally {
      cleanup();
    }
  });
});
