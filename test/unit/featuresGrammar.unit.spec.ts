import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

/**
 * The TextMate grammar, checked without vscode-textmate: every pattern must
 * compile, and a small begin/end/match interpreter (the subset the grammar
 * uses) must give sample lines the intended scopes: envelope values scoped
 * apart from the generic JSON scopes inside `data`.
 */

interface Capture {
  readonly name?: string;
}
interface Rule {
  readonly include?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly name?: string;
  readonly contentName?: string;
  readonly captures?: Readonly<Record<string, Capture>>;
  readonly beginCaptures?: Readonly<Record<string, Capture>>;
  readonly endCaptures?: Readonly<Record<string, Capture>>;
  readonly patterns?: readonly Rule[];
}
interface Grammar extends Rule {
  readonly scopeName: string;
  readonly repository: Readonly<Record<string, Rule>>;
}

function findUp(relative: string): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, relative);
      if (fs.existsSync(candidate)) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`${relative} not found above ${__dirname} or ${process.cwd()}`);
}

const grammar = JSON.parse(fs.readFileSync(findUp('syntaxes/event-jsonl.tmLanguage.json'), 'utf8')) as Grammar;

function flatten(rules: readonly Rule[], seen = new Set<string>()): Rule[] {
  const out: Rule[] = [];
  for (const rule of rules) {
    if (rule.include !== undefined) {
      const name = rule.include.slice(1);
      const target = grammar.repository[name];
      assert.ok(target, `include ${rule.include} names no repository entry`);
      if (seen.has(name)) continue;
      out.push(...flatten(target.patterns && !target.match && !target.begin ? target.patterns : [target], new Set([...seen, name])));
    } else out.push(rule);
  }
  return out;
}

/** Scopes of each character of the line, as `scope scope …` strings. */
function scopesOfLine(line: string): string[] {
  const scopes: string[] = new Array<string>(line.length).fill('');
  const paint = (from: number, to: number, names: readonly string[]) => {
    for (let k = from; k < to; k++) scopes[k] = names.join(' ');
  };
  const paintMatch = (m: RegExpExecArray, base: readonly string[], captures: Readonly<Record<string, Capture>> | undefined) => {
    paint(m.index, m.index + m[0].length, base);
    const indices = (m as RegExpExecArray & { indices?: ([number, number] | undefined)[] }).indices ?? [];
    for (const [group, capture] of Object.entries(captures ?? {})) {
      const span = indices[Number(group)];
      if (span && capture.name) paint(span[0], span[1], [...base, capture.name]);
    }
  };
  const stack: { rule: Rule; scopes: string[]; content: string[] }[] = [{ rule: grammar, scopes: [grammar.scopeName], content: [grammar.scopeName] }];
  let pos = 0;
  for (let guard = 0; pos <= line.length && guard < 10_000; guard++) {
    const frame = stack[stack.length - 1];
    let best: { m: RegExpExecArray; rule?: Rule } | undefined;
    if (frame.rule.end !== undefined) {
      const end = new RegExp(frame.rule.end, 'dg');
      end.lastIndex = pos;
      const m = end.exec(line);
      if (m) best = { m };
    }
    for (const rule of flatten(frame.rule.patterns ?? [])) {
      const source = rule.match ?? rule.begin;
      if (source === undefined) continue;
      const re = new RegExp(source, 'dg');
      re.lastIndex = pos;
      const m = re.exec(line);
      if (m && (!best || m.index < best.m.index)) best = { m, rule };
    }
    if (!best) break;
    const { m, rule } = best;
    paint(pos, m.index, frame.content);
    if (!rule) {
      paintMatch(m, frame.scopes, frame.rule.endCaptures);
      stack.pop();
    } else if (rule.match !== undefined) {
      paintMatch(m, rule.name ? [...frame.content, rule.name] : frame.content, rule.captures);
    } else {
      const outer = rule.name ? [...frame.content, rule.name] : frame.content;
      paintMatch(m, outer, rule.beginCaptures);
      stack.push({ rule, scopes: outer, content: rule.contentName ? [...outer, rule.contentName] : outer });
    }
    pos = m.index + m[0].length;
    if (m[0].length === 0 && !rule) continue; // a look-ahead end pops without consuming
    if (m[0].length === 0) pos++;
  }
  return scopes;
}

/** The scopes at the first occurrence of `needle` (after `after`, if given), plus an offset into it. */
function scopeAt(line: string, needle: string, after = '', offset = 1): string {
  const from = after ? line.indexOf(after) : 0;
  const at = line.indexOf(needle, from);
  assert.ok(at >= 0, `${needle} not in line`);
  return scopesOfLine(line)[at + offset];
}

const LINE =
  '{"event_type":"trade_executed","data":{"symbol":"BTCUSDT","event_id":"not-an-envelope-id","timestamp":"2024-01-01T00:00:00Z","qty":1.5,"ok":true,"legs":[{"p":2}]},' +
  '"metadata":{"event_id":"278cdcb2-7d38-48ca-913f-27166505c581","schema_version":"1.0","timestamp":"2024-01-15T00:00:12.831Z","source":"Exchange","correlation_id":"fb2627fd-f7e7-4d2b-87f6-66309ce301f0","causation_id":null,"aggregate_id":"trader_1","sequence_number":3,"tags":{"env":"prod"}}}';

describe('event-jsonl TextMate grammar', () => {
  it('is named source.event-jsonl and every pattern compiles as a regular expression', () => {
    assert.equal(grammar.scopeName, 'source.event-jsonl');
    const sources = Object.values(grammar.repository).flatMap((r) => [r.match, r.begin, r.end, ...(r.patterns ?? []).map((p) => p.match)]);
    for (const source of sources.filter((s): s is string => s !== undefined)) assert.doesNotThrow(() => new RegExp(source), source);
    assert.ok(sources.length > 10);
  });

  it('the key patterns match sample envelope members and capture the value', () => {
    const r = grammar.repository;
    const type = new RegExp(r['event-type-member'].match as string).exec('"event_type":"risk_alert"');
    assert.equal(type?.[3], '"risk_alert"');
    const id = new RegExp(r['id-member'].match as string);
    for (const key of ['event_id', 'correlation_id', 'causation_id', 'aggregate_id']) assert.equal(id.exec(`"${key}": "a-1"`)?.[3], '"a-1"', key);
    assert.equal(id.exec('"causation_id":null')?.[4], 'null');
    assert.equal(id.exec('"source":"x"'), null);
    assert.equal(new RegExp(r['timestamp-member'].match as string).exec('"timestamp":"2024-01-15T00:00:12.831Z"')?.[3], '"2024-01-15T00:00:12.831Z"');
    assert.ok(new RegExp(r['data-member'].begin as string).test('"data": {'));
  });

  it('scopes envelope values apart from data content', () => {
    assert.match(scopeAt(LINE, '"trade_executed"'), /entity\.name\.type\.event-type\.event-jsonl$/);
    assert.match(scopeAt(LINE, '"event_type"'), /entity\.name\.tag\.envelope-key\.event-jsonl$/);
    assert.match(scopeAt(LINE, '"278cdcb2'), /meta\.metadata\.event-jsonl variable\.other\.constant\.id\.event-jsonl$/);
    assert.match(scopeAt(LINE, '"fb2627fd'), /variable\.other\.constant\.id\.event-jsonl$/);
    assert.match(scopeAt(LINE, '"trader_1"'), /variable\.other\.constant\.id\.event-jsonl$/);
    assert.match(scopeAt(LINE, 'null', '"causation_id"'), /constant\.language\.null\.json$/);
    assert.match(scopeAt(LINE, '"2024-01-15T00:00:12'), /constant\.numeric\.date\.timestamp\.event-jsonl$/);
    assert.match(scopeAt(LINE, '"source"'), /entity\.name\.tag\.envelope-key\.event-jsonl$/);
    assert.match(scopeAt(LINE, '"Exchange"'), /string\.quoted\.double\.json$/);
    // Inside data: generic JSON, even for keys named like envelope fields.
    assert.match(scopeAt(LINE, '"symbol"'), /meta\.data\.event-jsonl meta\.structure\.dictionary\.json support\.type\.property-name\.json$/);
    assert.match(scopeAt(LINE, '"event_id"', '"data"'), /support\.type\.property-name\.json$/);
    assert.match(scopeAt(LINE, '"not-an-envelope-id"'), /string\.quoted\.double\.json$/);
    assert.match(scopeAt(LINE, '"2024-01-01T'), /string\.quoted\.double\.json$/);
    assert.match(scopeAt(LINE, '1.5', '', 0), /constant\.numeric\.json$/);
    assert.match(scopeAt(LINE, 'true', '', 0), /constant\.language\.json$/);
    assert.match(scopeAt(LINE, '"p"'), /meta\.structure\.array\.json meta\.structure\.dictionary\.json support\.type\.property-name\.json$/);
    // After data closes, metadata is the envelope again.
    assert.match(scopeAt(LINE, '"metadata"'), /entity\.name\.tag\.envelope-key\.event-jsonl$/);
    assert.ok(!scopeAt(LINE, '"metadata"').includes('meta.data.event-jsonl'));
  });

  it('handles Python json.dumps spacing and marks NaN as invalid', () => {
    const python = '{"event_type": "risk_alert", "data": {"metric_value": NaN}, "metadata": {"event_id": "a-1", "timestamp": "2024-01-15T10:30:00.123456"}}';
    assert.match(scopeAt(python, '"risk_alert"'), /entity\.name\.type\.event-type\.event-jsonl$/);
    assert.match(scopeAt(python, 'NaN', '', 0), /invalid\.illegal\.non-json-number\.event-jsonl$/);
    assert.match(scopeAt(python, '"a-1"'), /variable\.other\.constant\.id\.event-jsonl$/);
    assert.match(scopeAt(python, '"2024-01-15T10'), /constant\.numeric\.date\.timestamp\.event-jsonl$/);
  });

  it('ships a language configuration with JSON brackets and no comments', () => {
    const config = JSON.parse(fs.readFileSync(findUp('syntaxes/event-jsonl.language-configuration.json'), 'utf8')) as {
      comments: Record<string, unknown>;
      brackets: string[][];
      autoClosingPairs: { open: string; close: string }[];
      wordPattern: string;
    };
    assert.deepEqual(config.comments, {});
    assert.deepEqual(config.brackets, [['{', '}'], ['[', ']']]);
    assert.deepEqual(config.autoClosingPairs.map((p) => p.open + p.close), ['{}', '[]', '""']);
    // A double-click selects a whole UUID, hyphens included.
    assert.deepEqual('"278cdcb2-7d38-48ca-913f-27166505c581"'.match(new RegExp(config.wordPattern, 'g')), ['278cdcb2-7d38-48ca-913f-27166505c581']);
  });
});
