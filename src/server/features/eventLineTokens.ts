import { findNodeAtLocation, getLocation, getNodeValue, type Node, parseTree, type ParseError } from 'jsonc-parser';

/**
 * Where the cursor is inside one event line. A line is one event, so the
 * line alone is parsed (jsonc-parser tolerates the half-typed line being
 * edited); offsets are UTF-16 code units of the line, which is what LSP
 * positions count.
 */

export type PathSegment = string | number;

/** Half-open [start, end) offsets within the line. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** The envelope values the features treat specially. */
export type EnvelopeField =
  | 'event_type'
  | 'event_id'
  | 'correlation_id'
  | 'causation_id'
  | 'aggregate_id'
  | 'timestamp'
  | 'schema_version'
  | 'sequence_number'
  | 'status'
  | 'source';

const METADATA_FIELDS: ReadonlySet<string> = new Set<EnvelopeField>([
  'event_id',
  'correlation_id',
  'causation_id',
  'aggregate_id',
  'timestamp',
  'schema_version',
  'sequence_number',
  'status',
  'source',
]);

export interface LineToken {
  /** JSON path of the value (or of the key, when `isAtPropertyKey`) under the offset; `[]` outside any property. */
  readonly path: readonly PathSegment[];
  readonly isAtPropertyKey: boolean;
  /** `data` for anything inside the event's data; `envelope` for the top level and metadata. */
  readonly zone: 'envelope' | 'data';
  /** Set when the offset is on the value of a known envelope field (not on its key). */
  readonly field?: EnvelopeField;
  /** The literal (string, number, boolean, null) or property key under the offset, quotes included. */
  readonly range?: OffsetRange;
  /** The literal's value (a key's text when on a key); undefined when the offset is between tokens. */
  readonly value?: unknown;
}

/** What the token under `offset` is. Never throws, whatever the line holds. */
export function tokenAt(lineText: string, offset: number): LineToken {
  const at = Math.max(0, Math.min(offset, lineText.length));
  const location = getLocation(lineText, at);
  const path = [...location.path];
  const zone = path[0] === 'data' ? 'data' : 'envelope';
  const previous = location.previousNode;
  const onToken = previous !== undefined && previous.offset <= at && at <= previous.offset + previous.length;
  const field = location.isAtPropertyKey ? undefined : envelopeFieldOf(path);
  return {
    path,
    isAtPropertyKey: location.isAtPropertyKey,
    zone,
    ...(field ? { field } : {}),
    ...(onToken ? { range: { start: previous.offset, end: previous.offset + previous.length }, value: previous.value as unknown } : {}),
  };
}

/** The envelope field a path names (`['event_type']`, `['metadata', 'event_id']`...), if any. */
export function envelopeFieldOf(path: readonly PathSegment[]): EnvelopeField | undefined {
  if (path.length === 1 && path[0] === 'event_type') return 'event_type';
  if (path.length === 2 && path[0] === 'metadata' && typeof path[1] === 'string' && METADATA_FIELDS.has(path[1])) {
    return path[1] as EnvelopeField;
  }
  return undefined;
}

/** A line parsed tolerantly: the token tree, and the value jsonc-parser could recover. */
export interface ParsedLine {
  readonly text: string;
  readonly tree: Node | undefined;
  /** True when the line is complete, valid JSON. */
  readonly valid: boolean;
}

export function parseLine(lineText: string): ParsedLine {
  const errors: ParseError[] = [];
  const tree = parseTree(lineText, errors, { disallowComments: true, allowTrailingComma: false });
  return { text: lineText, tree, valid: errors.length === 0 && tree !== undefined };
}

/** The node at a path of the parsed line (an object property's value), if present. */
export function nodeAt(line: ParsedLine, path: readonly PathSegment[]): Node | undefined {
  return line.tree ? findNodeAtLocation(line.tree, [...path]) : undefined;
}

/** The value at a path, as far as the (possibly partial) line holds it. */
export function valueAt(line: ParsedLine, path: readonly PathSegment[]): unknown {
  const node = nodeAt(line, path);
  return node ? (getNodeValue(node) as unknown) : undefined;
}

/** The string at a path, or undefined when absent or not a string. */
export function stringAt(line: ParsedLine, path: readonly PathSegment[]): string | undefined {
  const node = nodeAt(line, path);
  return node?.type === 'string' ? (node.value as string) : undefined;
}

export function rangeOfNode(node: Node): OffsetRange {
  return { start: node.offset, end: node.offset + node.length };
}

/** The whole event of a valid line as a plain object, or undefined when the line is not a JSON object. */
export function eventObjectOf(lineText: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(lineText);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
