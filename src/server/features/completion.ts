import { randomUUID } from 'node:crypto';
import { type CompletionItem, CompletionItemKind, MarkupKind, type Position, type Range } from 'vscode-languageserver-protocol';
import { DEFAULT_EVENT_VERSION, DEFAULT_SCHEMA_VERSION, METADATA_KEYS } from '../../engine/model/event';
import { BUILT_IN_EVENT_TYPES } from '../../engine/model/eventTypes';
import { EVENT_STATUSES, EventStatus } from '../../engine/model/eventStatus';
import { formatTimestamp } from '../../engine/model/timestamp';
import { type LineToken, nodeAt, type ParsedLine, parseLine, type PathSegment, stringAt, tokenAt } from './eventLineTokens';
import type { FeatureContext } from './featureContext';
import { colonOf, type LineStyle, styleOfLine, toJson } from './lineStyle';
import { rangeOnLine } from './lspRanges';
import { allowedValuesOf, dataSchemaOf, describeProperty, placeholderFor, propertiesOf, schemaAt, type SchemaNode } from './schemaNavigation';

/**
 * Completion while writing an event line: event types at event_type, the
 * envelope's keys, schema_version and status values, and inside data the
 * schema's property names (required first) and enum values. Every item
 * replaces the whole token being typed (quotes included), so accepting one
 * inside `"tra|"` leaves a well-formed string.
 */
export function completion(ctx: FeatureContext, lineText: string, position: Position): CompletionItem[] {
  const token = tokenAt(lineText, position.character);
  const line = parseLine(lineText);
  const request: Request = {
    ctx,
    token,
    line,
    style: styleOfLine(lineText),
    range: rangeOnLine(position.line, token.range ?? { start: position.character, end: position.character }),
  };
  const path = token.path;
  if (token.isAtPropertyKey) {
    if (path.length === 1) return keyItems(request, [], TOP_LEVEL_KEYS.map((k) => ({ name: k, value: topLevelValue(k), required: true })));
    if (path.length === 2 && path[0] === 'metadata') return keyItems(request, ['metadata'], metadataKeys(request));
    if (path[0] === 'data') return dataKeyItems(request, path.slice(1, -1));
    return [];
  }
  if (path.length === 1 && path[0] === 'event_type') return valueItems(request, eventTypes(ctx), CompletionItemKind.Class);
  if (path.length === 2 && path[0] === 'metadata' && path[1] === 'schema_version') return valueItems(request, versionsOf(request), CompletionItemKind.EnumMember);
  if (path.length === 2 && path[0] === 'metadata' && path[1] === 'status') return valueItems(request, [...EVENT_STATUSES], CompletionItemKind.EnumMember);
  if (path[0] === 'data' && path.length > 1) return dataValueItems(request, path.slice(1));
  return [];
}

interface Request {
  readonly ctx: FeatureContext;
  readonly token: LineToken;
  readonly line: ParsedLine;
  readonly style: LineStyle;
  /** What an accepted item replaces: the token being typed, or nothing at the cursor. */
  readonly range: Range;
}

interface KeyCandidate {
  readonly name: string;
  readonly value: unknown;
  readonly required: boolean;
  readonly detail?: string;
  readonly documentation?: string;
}

const TOP_LEVEL_KEYS = ['event_type', 'data', 'metadata'] as const;

function topLevelValue(key: string): unknown {
  return key === 'event_type' ? '' : {};
}

/** Keys already in the object at `objectPath`, except the one being typed. */
function presentKeys(request: Request, objectPath: readonly PathSegment[]): Set<string> {
  const node = objectPath.length === 0 ? request.line.tree : nodeAt(request.line, objectPath);
  const keys = new Set<string>();
  for (const property of node?.type === 'object' ? (node.children ?? []) : []) {
    const key = property.children?.[0];
    if (key && typeof key.value === 'string') keys.add(key.value);
  }
  const typing = request.token.value;
  if (typeof typing === 'string') keys.delete(typing);
  return keys;
}

function keyItems(request: Request, objectPath: readonly PathSegment[], candidates: readonly KeyCandidate[]): CompletionItem[] {
  const present = presentKeys(request, objectPath);
  return candidates
    .filter((c) => !present.has(c.name))
    .map((c, order) => {
      const text = `${JSON.stringify(c.name)}${colonOf(request.style)}${toJson(c.value, request.style)}`;
      return {
        label: c.name,
        kind: CompletionItemKind.Property,
        ...(c.detail ? { detail: c.detail } : {}),
        ...(c.documentation ? { documentation: { kind: MarkupKind.PlainText, value: c.documentation } } : {}),
        // Required first, then schema order: the order people fill an event in.
        sortText: `${c.required ? 0 : 1}${String(order).padStart(4, '0')}`,
        filterText: JSON.stringify(c.name),
        textEdit: { range: request.range, newText: text },
      };
    });
}

function valueItems(request: Request, values: readonly unknown[], kind: CompletionItemKind): CompletionItem[] {
  return values.map((value, order) => {
    const text = toJson(value, request.style);
    return {
      label: typeof value === 'string' ? value : text,
      kind,
      sortText: String(order).padStart(4, '0'),
      filterText: text,
      textEdit: { range: request.range, newText: text },
    };
  });
}

/** Built-in types, the store's declared types and the types its events use, each once. */
function eventTypes(ctx: FeatureContext): string[] {
  const found = new Set<string>(BUILT_IN_EVENT_TYPES);
  for (const type of ctx.registry.types()) if (ctx.registry.hasType(type)) found.add(type);
  for (const type of ctx.engine.index.eventTypeCounts().keys()) if (type) found.add(type);
  return [...found].sort();
}

function versionsOf(request: Request): string[] {
  const type = stringAt(request.line, ['event_type']);
  const versions = type !== undefined ? request.ctx.registry.knownVersions(type) : [];
  // Newest first: a new event should be written at the newest version.
  return versions.length > 0 ? versions.reverse() : [DEFAULT_SCHEMA_VERSION];
}

function metadataKeys(request: Request): KeyCandidate[] {
  const type = stringAt(request.line, ['event_type']);
  const newest = type !== undefined ? request.ctx.registry.newestVersion(type) : undefined;
  const defaults: Readonly<Record<string, unknown>> = {
    event_id: randomUUID(),
    version: DEFAULT_EVENT_VERSION,
    schema_version: newest ?? DEFAULT_SCHEMA_VERSION,
    timestamp: formatTimestamp(Date.now()),
    source: '',
    correlation_id: null,
    causation_id: null,
    aggregate_id: null,
    sequence_number: 0,
    retry_count: 0,
    status: EventStatus.PENDING,
    tags: {},
  };
  return METADATA_KEYS.map((name) => ({ name, value: defaults[name] ?? null, required: true, detail: 'event metadata' }));
}

interface DataSchema {
  readonly root: SchemaNode;
  readonly eventType: string;
  readonly version: string | undefined;
}

function dataSchema(request: Request): DataSchema | undefined {
  const eventType = stringAt(request.line, ['event_type']);
  if (eventType === undefined) return undefined;
  const version = stringAt(request.line, ['metadata', 'schema_version']);
  const root = dataSchemaOf(request.ctx.registry, eventType, version);
  return root ? { root, eventType, version } : undefined;
}

function dataKeyItems(request: Request, objectSegments: readonly PathSegment[]): CompletionItem[] {
  const schema = dataSchema(request);
  if (!schema) return [];
  const object = schemaAt(schema.root, schema.root, objectSegments);
  if (!object) return [];
  const candidates = propertiesOf(schema.root, object).map((p) => ({
    name: p.name,
    value: placeholderFor(schema.root, p.schema),
    required: p.required,
    detail: `${p.required ? 'required' : 'optional'} · ${schema.eventType}`,
    documentation: describeProperty(p.schema),
  }));
  return keyItems(request, ['data', ...objectSegments], candidates);
}

function dataValueItems(request: Request, valueSegments: readonly PathSegment[]): CompletionItem[] {
  const schema = dataSchema(request);
  if (!schema) return [];
  const node = schemaAt(schema.root, schema.root, valueSegments);
  return node ? valueItems(request, allowedValuesOf(schema.root, node), CompletionItemKind.EnumMember) : [];
}
