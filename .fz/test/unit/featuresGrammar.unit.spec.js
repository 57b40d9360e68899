"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const node_assert_1 = require("node:assert");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
function findUp(relative) {
    for (const start of [__dirname, process.cwd()]) {
        for (let dir = start;; dir = path.dirname(dir)) {
            const candidate = path.join(dir, relative);
            if (fs.existsSync(candidate))
                return candidate;
            if (path.dirname(dir) === dir)
                break;
        }
    }
    throw new Error(`${relative} not found above ${__dirname} or ${process.cwd()}`);
}
const grammar = JSON.parse(fs.readFileSync(findUp('syntaxes/event-jsonl.tmLanguage.json'), 'utf8'));
function flatten(rules, seen = new Set()) {
    const out = [];
    for (const rule of rules) {
        if (rule.include !== undefined) {
            const name = rule.include.slice(1);
            const target = grammar.repository[name];
            node_assert_1.strict.ok(target, `include ${rule.include} names no repository entry`);
            if (seen.has(name))
                continue;
            out.push(...flatten(target.patterns && !target.match && !target.begin ? target.patterns : [target], new Set([...seen, name])));
        }
        else
            out.push(rule);
    }
    return out;
}
/** Scopes of each character of the line, as `scope scope …` strings. */
function scopesOfLine(line) {
    const scopes = new Array(line.length).fill('');
    const paint = (from, to, names) => {
        for (let k = from; k < to; k++)
            scopes[k] = names.join(' ');
    };
    const paintMatch = (m, base, captures) => {
        paint(m.index, m.index + m[0].length, base);
        const indices = m.indices ?? [];
        for (const [group, capture] of Object.entries(captures ?? {})) {
            const span = indices[Number(group)];
            if (span && capture.name)
                paint(span[0], span[1], [...base, capture.name]);
        }
    };
    const stack = [{ rule: grammar, scopes: [grammar.scopeName], content: [grammar.scopeName] }];
    let pos = 0;
    for (let guard = 0; pos <= line.length && guard < 10_000; guard++) {
        const frame = stack[stack.length - 1];
        let best;
        if (frame.rule.end !== undefined) {
            const end = new RegExp(frame.rule.end, 'dg');
            end.lastIndex = pos;
            const m = end.exec(line);
            if (m)
                best = { m };
        }
        for (const rule of flatten(frame.rule.patterns ?? [])) {
            const source = rule.match ?? rule.begin;
            if (source === undefined)
                continue;
            const re = new RegExp(source, 'dg');
            re.lastIndex = pos;
            const m = re.exec(line);
            if (m && (!best || m.index < best.m.index))
                best = { m, rule };
        }
        if (!best)
            break;
        const { m, rule } = best;
        paint(pos, m.index, frame.content);
        if (!rule) {
            paintMatch(m, frame.scopes, frame.rule.endCaptures);
            stack.pop();
        }
        else if (rule.match !== undefined) {
            paintMatch(m, rule.name ? [...frame.content, rule.name] : frame.content, rule.captures);
        }
        else {
            const outer = rule.name ? [...frame.content, rule.name] : frame.content;
            paintMatch(m, outer, rule.beginCaptures);
            stack.push({ rule, scopes: outer, content: rule.contentName ? [...outer, rule.contentName] : outer });
        }
        pos = m.index + m[0].length;
        if (m[0].length === 0 && !rule)
            continue; // a look-ahead end pops without consuming
        if (m[0].length === 0)
            pos++;
    }
    return scopes;
}
/** The scopes at the first occurrence of `needle` (after `after`, if given), plus an offset into it. */
function scopeAt(line, needle, after = '', offset = 1) {
    const from = after ? line.indexOf(after) : 0;
    const at = line.indexOf(needle, from);
    node_assert_1.strict.ok(at >= 0, `${needle} not in line`);
    return scopesOfLine(line)[at + offset];
}
const LINE = '{"event_type":"trade_executed","data":{"symbol":"BTCUSDT","event_id":"not-an-envelope-id","timestamp":"2024-01-01T00:00:00Z","qty":1.5,"ok":true,"legs":[{"p":2}]},' +
    '"metadata":{"event_id":"278cdcb2-7d38-48ca-913f-27166505c581","schema_version":"1.0","timestamp":"2024-01-15T00:00:12.831Z","source":"Exchange","correlation_id":"fb2627fd-f7e7-4d2b-87f6-66309ce301f0","causation_id":null,"aggregate_id":"trader_1","sequence_number":3,"tags":{"env":"prod"}}}';
(0, node_test_1.describe)('event-jsonl TextMate grammar', () => {
    (0, node_test_1.it)('is named source.event-jsonl and every pattern compiles as a regular expression', () => {
        node_assert_1.strict.equal(grammar.scopeName, 'source.event-jsonl');
        const sources = Object.values(grammar.repository).flatMap((r) => [r.match, r.begin, r.end, ...(r.patterns ?? []).map((p) => p.match)]);
        for (const source of sources.filter((s) => s !== undefined))
            node_assert_1.strict.doesNotThrow(() => new RegExp(source), source);
        node_assert_1.strict.ok(sources.length > 10);
    });
    (0, node_test_1.it)('the key patterns match sample envelope members and capture the value', () => {
        const r = grammar.repository;
        const type = new RegExp(r['event-type-member'].match).exec('"event_type":"risk_alert"');
        node_assert_1.strict.equal(type?.[3], '"risk_alert"');
        const id = new RegExp(r['id-member'].match);
        for (const key of ['event_id', 'correlation_id', 'causation_id', 'aggregate_id'])
            node_assert_1.strict.equal(id.exec(`"${key}": "a-1"`)?.[3], '"a-1"', key);
        node_assert_1.strict.equal(id.exec('"causation_id":null')?.[4], 'null');
        node_assert_1.strict.equal(id.exec('"source":"x"'), null);
        node_assert_1.strict.equal(new RegExp(r['timestamp-member'].match).exec('"timestamp":"2024-01-15T00:00:12.831Z"')?.[3], '"2024-01-15T00:00:12.831Z"');
        node_assert_1.strict.ok(new RegExp(r['data-member'].begin).test('"data": {'));
    });
    (0, node_test_1.it)('scopes envelope values apart from data content', () => {
        node_assert_1.strict.match(scopeAt(LINE, '"trade_executed"'), /entity\.name\.type\.event-type\.event-jsonl$/);
        node_assert_1.strict.match(scopeAt(LINE, '"event_type"'), /entity\.name\.tag\.envelope-key\.event-jsonl$/);
        node_assert_1.strict.match(scopeAt(LINE, '"278cdcb2'), /meta\.metadata\.event-jsonl variable\.other\.constant\.id\.event-jsonl$/);
        node_assert_1.strict.match(scopeAt(LINE, '"fb2627fd'), /variable\.other\.constant\.id\.event-jsonl$/);
        node_assert_1.strict.match(scopeAt(LINE, '"trader_1"'), /variable\.other\.constant\.id\.event-jsonl$/);
        node_assert_1.strict.match(scopeAt(LINE, 'null', '"causation_id"'), /constant\.language\.null\.json$/);
        node_assert_1.strict.match(scopeAt(LINE, '"2024-01-15T00:00:12'), /constant\.numeric\.date\.timestamp\.event-jsonl$/);
        node_assert_1.strict.match(scopeAt(LINE, '"source"'), /entity\.name\.tag\.envelope-key\.event-jsonl$/);
        node_assert_1.strict.match(scopeAt(LINE, '"Exchange"'), /string\.quoted\.double\.json$/);
        // Inside data: generic JSON, even for keys named like envelope fields.
        node_assert_1.strict.match(scopeAt(LINE, '"symbol"'), /meta\.data\.event-jsonl meta\.structure\.dictionary\.json support\.type\.property-name\.json$/);
        node_assert_1.strict.match(scopeAt(LINE, '"event_id"', '"data"'), /support\.type\.property-name\.json$/);
        node_assert_1.strict.match(scopeAt(LINE, '"not-an-envelope-id"'), /string\.quoted\.double\.json$/);
        node_assert_1.strict.match(scopeAt(LINE, '"2024-01-01T'), /string\.quoted\.double\.json$/);
        node_assert_1.strict.match(scopeAt(LINE, '1.5', '', 0), /constant\.numeric\.json$/);
        node_assert_1.strict.match(scopeAt(LINE, 'true', '', 0), /constant\.language\.json$/);
        node_assert_1.strict.match(scopeAt(LINE, '"p"'), /meta\.structure\.array\.json meta\.structure\.dictionary\.json support\.type\.property-name\.json$/);
        // After data closes, metadata is the envelope again.
        node_assert_1.strict.match(scopeAt(LINE, '"metadata"'), /entity\.name\.tag\.envelope-key\.event-jsonl$/);
        node_assert_1.strict.ok(!scopeAt(LINE, '"metadata"').includes('meta.data.event-jsonl'));
    });
    (0, node_test_1.it)('handles Python json.dumps spacing and marks NaN as invalid', () => {
        const python = '{"event_type": "risk_alert", "data": {"metric_value": NaN}, "metadata": {"event_id": "a-1", "timestamp": "2024-01-15T10:30:00.123456"}}';
        node_assert_1.strict.match(scopeAt(python, '"risk_alert"'), /entity\.name\.type\.event-type\.event-jsonl$/);
        node_assert_1.strict.match(scopeAt(python, 'NaN', '', 0), /invalid\.illegal\.non-json-number\.event-jsonl$/);
        node_assert_1.strict.match(scopeAt(python, '"a-1"'), /variable\.other\.constant\.id\.event-jsonl$/);
        node_assert_1.strict.match(scopeAt(python, '"2024-01-15T10'), /constant\.numeric\.date\.timestamp\.event-jsonl$/);
    });
    (0, node_test_1.it)('ships a language configuration with JSON brackets and no comments', () => {
        const config = JSON.parse(fs.readFileSync(findUp('syntaxes/event-jsonl.language-configuration.json'), 'utf8'));
        node_assert_1.strict.deepEqual(config.comments, {});
        node_assert_1.strict.deepEqual(config.brackets, [['{', '}'], ['[', ']']]);
        node_assert_1.strict.deepEqual(config.autoClosingPairs.map((p) => p.open + p.close), ['{}', '[]', '""']);
        // A double-click selects a whole UUID, hyphens included.
        node_assert_1.strict.deepEqual('"278cdcb2-7d38-48ca-913f-27166505c581"'.match(new RegExp(config.wordPattern, 'g')), ['278cdcb2-7d38-48ca-913f-27166505c581']);
    });
});
//# sourceMappingURL=featuresGrammar.unit.spec.js.map