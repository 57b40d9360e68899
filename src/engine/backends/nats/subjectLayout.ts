/**
 * The documented subject layout of a JetStream store: every event of an
 * aggregate on one literal subject, `<prefix>.<aggregate>`, so reading an
 * aggregate is a filtered read of one subject (a wildcard across types costs
 * 20× more, as measured in the scale-out notes). A subject token cannot hold
 * `.`, `*`, `>` or white space, so an id made of letters, digits, `_` and `-`
 * is the token itself and any other id is `~` plus its base64url; events
 * with no aggregate go to `<prefix>.~`.
 */
const PLAIN_ID = /^[A-Za-z0-9_-]+$/;
export const NO_AGGREGATE_TOKEN = '~';

export function aggregateToken(aggregateId: string | null): string {
  if (aggregateId === null || aggregateId === '') return NO_AGGREGATE_TOKEN;
  return PLAIN_ID.test(aggregateId) ? aggregateId : `~${Buffer.from(aggregateId, 'utf8').toString('base64url')}`;
}

/** The aggregate id of a subject's last token (null for events with none). */
export function aggregateOfToken(token: string): string | null {
  if (token === NO_AGGREGATE_TOKEN) return null;
  return token.startsWith('~') ? Buffer.from(token.slice(1), 'base64url').toString('utf8') : token;
}

export function subjectOf(prefix: string, aggregateId: string | null): string {
  return `${prefix}.${aggregateToken(aggregateId)}`;
}

/**
 * A snapshot's key in the KV bucket: `p.<id>.<seq>` for plain ids, `b.<base64url>.<seq>`
 * otherwise (KV keys allow letters, digits, `-`, `_`, `=`, `/` and `.`).
 */
export function snapshotKey(aggregateId: string, sequence: number): string {
  const id = PLAIN_ID.test(aggregateId) ? `p.${aggregateId}` : `b.${Buffer.from(aggregateId, 'utf8').toString('base64url')}`;
  return `${id}.${sequence}`;
}

export function parseSnapshotKey(key: string): { aggregateId: string; sequence: number } | null {
  const match = /^([pb])\.([A-Za-z0-9_-]+)\.(-?\d+)$/.exec(key);
  if (!match) return null;
  const aggregateId = match[1] === 'p' ? match[2] : Buffer.from(match[2], 'base64url').toString('utf8');
  return { aggregateId, sequence: Number(match[3]) };
}
