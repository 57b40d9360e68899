/**
 * Schemas a careless or hostile user may put in a store: one whose pattern
 * backtracks catastrophically in a backtracking engine, and three that
 * cannot be used at all (invalid JSON, an unresolvable $ref, a remote $ref).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEvent, serializeEvent } from '../../src/engine/model/event';

export const REDOS_TYPE = 'redos_checked';
/** 34 a's and a "!": about 2^34 backtracking steps for "^(a+)+$" in JavaScript's engine. */
export const REDOS_VALUE = `${'a'.repeat(34)}!`;
export const BROKEN_TYPES = { invalidJson: 'broken_json', unresolvedRef: 'broken_ref', remoteRef: 'remote_ref' } as const;

export function writeSchema(store: string, type: string, content: unknown): string {
  const relative = `schemas/${type}/1.0.schema.json`;
  const file = path.join(store, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return relative;
}

export function writeRedosSchema(store: string): string {
  return writeSchema(store, REDOS_TYPE, { type: 'object', properties: { name: { type: 'string', pattern: '^(a+)+$' } } });
}

export function writeBrokenSchemas(store: string): Record<keyof typeof BROKEN_TYPES, string> {
  return {
    invalidJson: writeSchema(store, BROKEN_TYPES.invalidJson, '{\n  "type": "object",\n  "properties": {\n'),
    unresolvedRef: writeSchema(store, BROKEN_TYPES.unresolvedRef, { type: 'object', properties: { a: { $ref: '#/definitions/missing' } } }),
    remoteRef: writeSchema(store, BROKEN_TYPES.remoteRef, { type: 'object', properties: { a: { $ref: 'https://schemas.example.invalid/a.json' } } }),
  };
}

/** Event lines of the given types, each with `data`, one per line, into events/events_2026-01-01.jsonl. */
export function writeEvents(store: string, events: readonly { type: string; data: unknown }[]): string {
  const relative = 'events/events_2026-01-01.jsonl';
  const file = path.join(store, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines = events.map(({ type, data }, i) =>
    serializeEvent(
      createEvent(type, data, {
        source: 'test',
        aggregate_id: 'agg_1',
        sequence_number: i + 1,
        timestamp: `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`,
      }),
    ),
  );
  fs.appendFileSync(file, lines.join('\n') + '\n');
  return relative;
}
