import { CODES } from '../validate/codes';
import type { Severity } from '../validate/severity';

/**
 * Numbers beyond 2^53 in a parsed value: JSON.parse rounded them
 * (12345678901234567890 becomes 12345678901234567000), so a state folded
 * from them is not what the writer's integers say. Rebuild and verify
 * report them (finding EB026) instead of rounding silently, and validate
 * reports the event lines that hold them. Iterative (values may nest deeply).
 */
export function unsafeNumberSegments(value: unknown, limit = 20): (string | number)[][] {
  const found: (string | number)[][] = [];
  const pending: Array<[value: unknown, path: (string | number)[]]> = [[value, []]];
  for (let job = pending.pop(); job !== undefined && found.length < limit; job = pending.pop()) {
    const [item, path] = job;
    if (typeof item === 'number') {
      if (Number.isFinite(item) && Math.abs(item) > Number.MAX_SAFE_INTEGER) found.push(path);
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) pending.push([item[i], [...path, i]]);
    } else if (item !== null && typeof item === 'object') {
      const keys = Object.keys(item);
      for (let i = keys.length - 1; i >= 0; i--) pending.push([(item as Record<string, unknown>)[keys[i]], [...path, keys[i]]]);
    }
  }
  return found;
}

/** A JSON pointer (`/a/0/b`, `~` and `/` escaped); the root is `(root)`. */
export function jsonPointer(segments: readonly (string | number)[]): string {
  if (segments.length === 0) return '(root)';
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Paths in a computed state holding numbers beyond 2^53, as JSON pointers. */
export function unsafeNumberPaths(state: unknown, limit = 20): string[] {
  return unsafeNumberSegments(state, limit).map(jsonPointer);
}

export function describeUnsafeNumbers(paths: readonly string[]): string {
  return `note: ${paths.length === 1 ? 'a number' : 'numbers'} beyond 2^53 at ${paths.join(', ')}: JSON numbers this large lose digits when computed with, so the state holds them rounded (the events keep every digit)`;
}

/** EB026 about a computed state (no line to point at: the subject is the aggregate or the snapshot checked). */
export interface StateNumberFinding {
  readonly code: 'EB026';
  readonly severity: Severity;
  readonly subject: string;
  readonly paths: readonly string[];
  readonly message: string;
}

/** The EB026 finding of a computed state, or undefined when every number in it is exact. */
export function stateNumberFinding(subject: string, state: unknown): StateNumberFinding | undefined {
  const paths = unsafeNumberPaths(state);
  if (paths.length === 0) return undefined;
  return { code: 'EB026', severity: CODES.EB026.severity, subject, paths, message: describeUnsafeNumbers(paths).replace(/^note: /, '') };
}

/** `<subject>: warning EB026 number-beyond-2-53: <message>`, as the CLI prints it. */
export function formatStateNumberFinding(finding: StateNumberFinding): string {
  return `${finding.subject}: ${finding.severity} ${finding.code} ${CODES[finding.code].name}: ${finding.message}`;
}
