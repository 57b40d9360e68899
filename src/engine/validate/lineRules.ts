import { DEFAULT_MAX_NESTING_DEPTH, nestingBeyond, nestingMessage } from '../model/nestingDepth';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import type { Finding } from './finding';
import type { SeverityOverrides } from './codes';
import { LineFindings } from './findingBuilder';
import { reportSyntax } from './jsonSyntaxRules';
import { checkMetadata } from './metadataRules';
import { checkUnsafeNumbers } from './numberRules';
import { checkSchema } from './schemaRules';

/** What the per-line rules need besides the text; cheap to build per line. */
export interface LineContext {
  /** Store-relative, `/`-separated. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** The line is the file's last and has no line end (a torn write if it is not complete JSON). */
  readonly unterminated?: boolean;
  /** The store's schemas; without one, EB009/EB010/EB012 are not checked and every non-built-in type is EB011. */
  readonly registry?: SchemaRegistry;
  /** config.max_retry_count; EB019 is not checked when undefined. */
  readonly maxRetryCount?: number;
  readonly severity?: SeverityOverrides;
  /** Types and statuses the store declares in eventbus.config.json. */
  readonly knownEventTypes?: ReadonlySet<string>;
  readonly knownStatuses?: ReadonlySet<string>;
  /** config.max_nesting_depth (default DEFAULT_MAX_NESTING_DEPTH): deeper lines are EB025 and checked no further. */
  readonly maxNestingDepth?: number;
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * Every per-line finding of one event line (EB001-EB012, EB019, EB020, EB025, EB026), as a
 * pure function of the text: the language server runs it on an open
 * document's lines, the CLI on every line of the store. JSON.parse does the
 * work for a valid line; the token tree is built only when a finding needs a
 * range. A blank line is not a finding.
 */
export function validateLine(text: string, context: LineContext): readonly Finding[] {
  const limit = context.maxNestingDepth ?? DEFAULT_MAX_NESTING_DEPTH;
  const tooDeepAt = nestingBeyond(text, limit);
  if (tooDeepAt !== undefined) {
    // Before JSON.parse: what the rules would do with such data (walk it, print it) is what must not happen.
    const out = new LineFindings(text, context.file, context.line, context.severity);
    out.add('EB025', undefined, nestingMessage(limit, tooDeepAt), { limit, column: tooDeepAt });
    return out.findings;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (text.trim().length === 0) return NO_FINDINGS;
    const out = new LineFindings(text, context.file, context.line, context.severity);
    reportSyntax(text, context.unterminated === true, out, (error as Error).message);
    return out.findings;
  }
  const out = new LineFindings(text, context.file, context.line, context.severity);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.add('EB004', undefined, `not an event: expected an object with event_type, data and metadata, got ${describeTop(value)}`);
    return out.findings;
  }
  const event = value as Record<string, unknown>;
  const missing = ['event_type', 'data', 'metadata'].filter((key) => !(key in event));
  if (missing.length > 0) {
    out.add('EB004', undefined, `not an event: missing ${missing.map((key) => `"${key}"`).join(', ')}`, { missing });
    return out.findings;
  }
  const eventType = event.event_type;
  const metadata = event.metadata;
  if (typeof eventType !== 'string') {
    out.add('EB004', out.locator.valueRange(['event_type']), `not an event: event_type must be a string, got ${describeTop(eventType)}`);
  }
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    out.add('EB004', out.locator.valueRange(['metadata']), `not an event: metadata must be an object, got ${describeTop(metadata)}`);
  }
  if (out.findings.length > 0) return out.findings;

  const meta = metadata as Record<string, unknown>;
  checkMetadata(meta, context.maxRetryCount, out, context.knownStatuses);
  checkSchema(eventType as string, meta.schema_version, event.data, context.registry, out, context.knownEventTypes);
  checkUnsafeNumbers(text, event.data, out);
  return out.findings.length > 0 ? out.findings : NO_FINDINGS;
}

function describeTop(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
