/**
 * Paths in a computed state holding numbers beyond 2^53: JSON.parse rounded
 * them (12345678901234567890 becomes 12345678901234567000), so a state
 * folded from them is not what the writer's integers say. Rebuild reports
 * them instead of rounding silently. Iterative (state may nest deeply).
 */
export function unsafeNumberPaths(state: unknown, limit = 20): string[] {
  const found: string[] = [];
  const pending: Array<[value: unknown, path: string]> = [[state, '']];
  for (let job = pending.pop(); job !== undefined && found.length < limit; job = pending.pop()) {
    const [value, path] = job;
    if (typeof value === 'number') {
      if (Number.isFinite(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) found.push(path === '' ? '(root)' : path);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push([value[i], `${path}/${i}`]);
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) pending.push([(value as Record<string, unknown>)[keys[i]], `${path}/${keys[i].replace(/~/g, '~0').replace(/\//g, '~1')}`]);
    }
  }
  return found;
}

export function describeUnsafeNumbers(paths: readonly string[]): string {
  return `note: ${paths.length === 1 ? 'a number' : 'numbers'} beyond 2^53 at ${paths.join(', ')}: JSON numbers this large lose digits when computed with, so the state holds them rounded (the events keep every digit)`;
}
