import { randomUUID } from 'node:crypto';
import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import type { Event } from '../../engine/model/event';
import { eventObjectOf, nodeAt, parseLine, type PathSegment, rangeOfNode } from './eventLineTokens';
import type { FeatureContext } from './featureContext';
import { colonOf, commaOf, styleOfLine, toJson } from './lineStyle';
import { rangeOnLine, wholeLine } from './lspRanges';
import { dataSchemaOf, placeholderFor, schemaAt } from './schemaNavigation';

/**
 * The quick fixes for one diagnostic on one event line. Each returns the
 * edit as a WorkspaceEdit on `uri`, computed from the line as it is now (not
 * from the diagnostic's message), so a stale diagnostic yields no fix rather
 * than a wrong one.
 */
export interface FixTarget {
  readonly ctx: FeatureContext;
  readonly uri: string;
  /** 0-based line of the document. */
  readonly line: number;
  readonly lineText: string;
  readonly diagnostic: Diagnostic;
}

function fix(target: FixTarget, title: string, edit: TextEdit, preferred: boolean): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [target.diagnostic],
    isPreferred: preferred,
    edit: { changes: { [target.uri]: [edit] } },
  };
}

function asEvent(value: Record<string, unknown> | undefined): Event | undefined {
  if (!value || typeof value.event_type !== 'string') return undefined;
  const meta = value.metadata;
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return undefined;
  if (typeof (meta as Record<string, unknown>).schema_version !== 'string') return undefined;
  return value as unknown as Event;
}

/** EB012: rewrite the line as the event upcast to the newest schema_version, keeping the line's JSON style. */
export function upcastFix(target: FixTarget): CodeAction | undefined {
  const parsed = eventObjectOf(target.lineText);
  const event = asEvent(parsed);
  if (!parsed || !event) return undefined;
  let upcast: Event;
  try {
    upcast = target.ctx.registry.upcast(event);
  } catch {
    return undefined; // a failing migration: the diagnostic stays, with no fix to offer
  }
  if (upcast === event) return undefined;
  const { event_type: _type, data: _data, metadata: _metadata, ...extra } = parsed;
  // The envelope order every writer uses; unknown top-level keys are kept after it rather than lost.
  const ordered = { event_type: upcast.event_type, data: upcast.data, metadata: upcast.metadata, ...extra };
  const newText = toJson(ordered, styleOfLine(target.lineText));
  const to = upcast.metadata.schema_version;
  return fix(target, `Upcast ${event.event_type} from ${event.metadata.schema_version} to ${to}`, { range: wholeLine(target.line, target.lineText), newText }, true);
}

/** The missing property an EB009 diagnostic is about, as (object path below data, property name). */
interface MissingProperty {
  readonly segments: PathSegment[];
  readonly name: string;
}

function missingProperties(target: FixTarget, event: Event): MissingProperty[] {
  const facts = (target.diagnostic.data ?? {}) as { instancePath?: unknown; keyword?: unknown; missingProperty?: unknown };
  if (facts.keyword !== undefined && facts.keyword !== 'required') return [];
  const named = typeof facts.missingProperty === 'string' ? facts.missingProperty : /missing required property "([^"]+)"/.exec(messageOf(target.diagnostic))?.[1];
  const found: MissingProperty[] = [];
  for (const violation of target.ctx.registry.validateData(event.event_type, event.metadata.schema_version, event.data)) {
    if (violation.keyword !== 'required') continue;
    if (typeof facts.instancePath === 'string' && facts.instancePath !== violation.instancePath) continue;
    const name = String(violation.params.missingProperty);
    if (named !== undefined && named !== name) continue;
    const segments = violation.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    found.push({ segments, name });
  }
  return found;
}

function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** EB009 (missing required property): insert the property with its schema default, or a placeholder of its type. */
export function missingFieldFixes(target: FixTarget): CodeAction[] {
  const event = asEvent(eventObjectOf(target.lineText));
  if (!event) return [];
  const root = dataSchemaOf(target.ctx.registry, event.event_type, event.metadata.schema_version);
  const line = parseLine(target.lineText);
  const style = styleOfLine(target.lineText);
  const actions: CodeAction[] = [];
  for (const missing of missingProperties(target, event)) {
    const object = nodeAt(line, ['data', ...missing.segments]);
    if (object?.type !== 'object') continue;
    const propertySchema = root ? schemaAt(root, root, [...missing.segments, missing.name]) : undefined;
    const value = root && propertySchema ? placeholderFor(root, propertySchema) : null;
    const member = `${JSON.stringify(missing.name)}${colonOf(style)}${toJson(value, style)}`;
    const closing = object.offset + object.length - 1;
    const newText = (object.children?.length ?? 0) > 0 ? `${commaOf(style)}${member}` : member;
    const edit = { range: rangeOnLine(target.line, { start: closing, end: closing }), newText };
    actions.push(fix(target, `Add missing property "${missing.name}" (${toJson(value, 'compact')})`, edit, true));
  }
  return actions;
}

/** EB013: give the event a fresh event_id (the earlier event keeps the old one). */
export function duplicateIdFix(target: FixTarget): CodeAction | undefined {
  const node = nodeAt(parseLine(target.lineText), ['metadata', 'event_id']);
  if (node?.type !== 'string') return undefined;
  const edit = { range: rangeOnLine(target.line, rangeOfNode(node)), newText: JSON.stringify(randomUUID()) };
  return fix(target, 'Replace duplicate event_id with a new UUID', edit, true);
}
