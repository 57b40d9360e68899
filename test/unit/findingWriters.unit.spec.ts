import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CODES } from '../../src/engine/validate/codes';
import * as sax from 'sax';
import { findingWriter, type FindingFormat, formatFindings } from '../../src/cli/format/formatFindings';
import type { Finding } from '../../src/engine/validate/finding';
import { CauseTally, collapseRepeats, FIRST_PLACES, findingsBefore } from '../../src/engine/validate/repeatedCauses';

/** A finding of line `line` of file `file`; every 7th is an error, messages carry what JSON and XML must escape. */
function finding(line: number, file = 'events/events_2024-01-15.jsonl', code: Finding['code'] = 'EB009'): Finding {
  return {
    file,
    line,
    column: 3,
    endLine: line,
    endColumn: 9,
    severity: line % 7 === 0 ? 'error' : 'warning',
    code,
    message: `data.side <&> "quoted" 'x' \u0001 line ${line}\nsecond`,
  };
}

/** Writes the findings in batches of `batch` through the streaming writer; returns the text. */
function stream(format: FindingFormat, findings: readonly Finding[], batch = 1000): string {
  const parts: string[] = [];
  const writer = findingWriter(format, (text) => parts.push(text), { storeRoot: '/tmp/store', files: ['events/events_2024-01-14.jsonl'] });
  for (let at = 0; at < findings.length; at += batch) writer.write(findings.slice(at, at + batch));
  writer.end();
  return parts.join('');
}

/** Parses XML strictly (throws on anything not well-formed); counts elements by name. */
function parseXml(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const parser = sax.parser(true);
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => counts.set(tag.name, (counts.get(tag.name) ?? 0) + 1);
  parser.write(text).close();
  return counts;
}

const sizes = [0, 1, 2_345];

describe('streaming writers give valid documents at any size', () => {
  for (const size of sizes) {
    const findings = Array.from({ length: size }, (_, i) => finding(i + 1));

    it(`json with ${size} findings: a valid array, byte for byte what JSON.stringify gives`, () => {
      const text = stream('json', findings);
      const parsed = JSON.parse(text) as { line: number; message: string }[];
      assert.equal(parsed.length, size);
      assert.deepEqual(parsed.map((r) => r.line), findings.map((f) => f.line));
      assert.equal(text.trimEnd(), formatFindings(findings, 'json'));
      assert.equal(text.trimEnd(), JSON.stringify(JSON.parse(text), null, 2));
    });

    it(`sarif with ${size} findings: a valid log with one result per finding`, () => {
      const log = JSON.parse(stream('sarif', findings)) as { version: string; runs: { results: { ruleId: string }[]; tool: { driver: { rules: unknown[] } } }[] };
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs[0].results.length, size);
      assert.equal(log.runs[0].tool.driver.rules.length, Object.keys(CODES).length, 'one rule per finding code');
    });

    it(`junit with ${size} findings: well-formed XML, a testcase per line, clean files pass`, () => {
      const counts = parseXml(stream('junit', findings));
      assert.equal(counts.get('testsuites'), 1);
      // Every finding is on its own line; the clean file listed is one passing testcase.
      assert.equal(counts.get('testcase'), size + 1);
      assert.equal(counts.get('failure') ?? 0, findings.filter((f) => f.severity === 'error').length);
    });

    it(`text with ${size} findings: one line each`, () => {
      const text = stream('text', findings);
      assert.equal(text.split('\n').filter((l) => l.length > 0).length, size);
    });
  }

  it('a finding whose file comes back after its suite closed (a repeated cause, reported last) opens another suite', () => {
    const text = stream('junit', [finding(1, 'events/a.jsonl'), finding(2, 'events/b.jsonl'), { ...finding(1, 'events/a.jsonl', 'EB011'), count: 9, places: [] }]);
    const counts = parseXml(text);
    assert.equal(counts.get('testsuite'), 4, 'a, b, a again, and the clean file');
    assert.match(text, /9 events with this cause/);
  });

  it('stress: 300,000 findings stream into valid JSON, SARIF and JUnit XML', () => {
    const findings = Array.from({ length: 300_000 }, (_, i) => finding(i + 1, `events/events_2024-01-${String(15 + Math.floor(i / 100_000)).padStart(2, '0')}.jsonl`));
    for (const format of ['json', 'sarif'] as const) {
      const parts: string[] = [];
      const writer = findingWriter(format, (text) => parts.push(text), {});
      for (let at = 0; at < findings.length; at += 5000) writer.write(findings.slice(at, at + 5000));
      writer.end();
      const parsed = JSON.parse(parts.join('')) as unknown[] | { runs: { results: unknown[] }[] };
      assert.equal(Array.isArray(parsed) ? parsed.length : parsed.runs[0].results.length, findings.length, format);
    }
    // XML is checked as it streams: the parser gets every piece the writer writes.
    const parser = sax.parser(true);
    let testcases = 0;
    parser.onerror = (error) => {
      throw error;
    };
    parser.onopentag = (tag) => {
      if (tag.name === 'testcase') testcases++;
    };
    const writer = findingWriter('junit', (text) => parser.write(text), {});
    for (let at = 0; at < findings.length; at += 5000) writer.write(findings.slice(at, at + 5000));
    writer.end();
    parser.close();
    assert.equal(testcases, findings.length);
  });
});

describe('repeated causes are counted, not kept', () => {
  const unknownType = (file: string, line: number, type = 'acme.order'): Finding => ({
    ...finding(line, file, 'EB011'),
    severity: 'warning',
    message: `unknown event type "${type}"`,
    data: { eventType: type },
  });

  it('one finding per cause with its count and first places, in store order; other findings untouched', () => {
    const all = [
      ...Array.from({ length: 50 }, (_, i) => unknownType('events/b.jsonl', i + 1)),
      ...Array.from({ length: 30 }, (_, i) => unknownType('events/a.jsonl', i + 10)),
      unknownType('events/a.jsonl', 3, 'acme.other'),
      finding(4, 'events/a.jsonl'),
      finding(5, 'events/a.jsonl'),
    ];
    const collapsed = collapseRepeats(all, 'per-store');
    assert.deepEqual(
      collapsed.map((f) => [f.file, f.line, f.code, f.count]),
      [
        ['events/a.jsonl', 3, 'EB011', undefined],
        ['events/a.jsonl', 4, 'EB009', undefined],
        ['events/a.jsonl', 5, 'EB009', undefined],
        ['events/a.jsonl', 10, 'EB011', 80],
      ],
    );
    assert.deepEqual(collapsed[3].places?.map((p) => `${p.file}:${p.line}`), ['events/a.jsonl:10', 'events/a.jsonl:11', 'events/a.jsonl:12', 'events/a.jsonl:13', 'events/a.jsonl:14']);
    assert.equal(collapsed[3].places?.length, FIRST_PLACES);
    // Per file: the same cause in two files is two findings.
    assert.deepEqual(
      collapseRepeats(all, 'per-file').filter((f) => f.count).map((f) => [f.file, f.count]),
      [
        ['events/a.jsonl', 30],
        ['events/b.jsonl', 50],
      ],
    );
    assert.equal(collapseRepeats(all, 'each').length, all.length);
  });

  it('summaries merge (chunks, files, passes add up) and a tally holds one entry per cause', () => {
    const tally = new CauseTally('per-store');
    for (let i = 0; i < 100_000; i++) tally.add(unknownType('events/a.jsonl', i + 1, `acme.t${i % 3}`));
    assert.equal(tally.size, 3);
    const merged = collapseRepeats([...tally.findings(), ...tally.findings()], 'per-store');
    assert.deepEqual(merged.map((f) => f.count), [66_668, 66_666, 66_666]);
  });

  it('findingsBefore keeps what lies above an append, taking the re-checked lines out of a count', () => {
    const summary = collapseRepeats(Array.from({ length: 20 }, (_, i) => unknownType('events/a.jsonl', i + 1)), 'per-file')[0];
    const kept = findingsBefore([summary, finding(19, 'events/a.jsonl')], 19);
    assert.deepEqual(kept?.map((f) => [f.line, f.count]), [[1, 18]]);
    // Lines re-checked beyond what the last places remember: the file must be checked whole.
    assert.equal(findingsBefore([summary], 10), undefined);
  });
});
