/**
 * Where a store lives, from what the user typed: a folder path, or a
 * connection URL for a backend. A URL is recognised by its scheme, so a
 * folder named `postgres` is still a folder.
 */
export type StoreLocation =
  | { readonly kind: 'folder'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'nats'; readonly url: string };

const URL_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

export function parseStoreLocation(text: string): StoreLocation {
  const scheme = URL_SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'folder', path: text };
  if (scheme === 'postgres' || scheme === 'postgresql') return { kind: 'postgres', url: text };
  if (scheme === 'nats') return { kind: 'nats', url: text };
  throw new Error(`${redactUrl(text)}: unknown kind of store "${scheme}://" (expected a folder, postgres://… or nats://…)`);
}

/** The URL without its password, for messages and logs. */
export function redactUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return text.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  }
}
