/**
 * Paths into an event's `data`, as migration files write them. Two spellings:
 *  - a JSON Pointer (RFC 6901) when the text starts with `/`:
 *    `/order/price`, `/items/0/qty`, `/a~1b` for the key `a/b`, `/a~0b` for `a~b`;
 *  - otherwise a dot path: `order.price`, `items.0.qty` (no escapes, so a key
 *    holding a dot needs the pointer form).
 * A numeric segment indexes an array when the parent is an array and is an
 * ordinary key otherwise. The empty path (the whole `data`) is not allowed:
 * operations act on fields.
 */
export type DataPath = readonly string[];

export function parseDataPath(text: string): DataPath | { error: string } {
  if (text.length === 0) return { error: 'a path may not be empty' };
  if (text.startsWith('/')) {
    const segments = text.slice(1).split('/');
    for (const segment of segments) {
      if (/~(?![01])/.test(segment)) return { error: `"${text}" has a "~" not followed by 0 or 1 (JSON Pointer escapes are ~0 and ~1)` };
    }
    return segments.map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  const segments = text.split('.');
  if (segments.some((segment) => segment.length === 0)) return { error: `"${text}" has an empty segment (two dots, or a dot at an end)` };
  return segments;
}

export function formatDataPath(path: DataPath): string {
  return path.join('.');
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === 'object';
}

function childOf(parent: Container, key: string): unknown {
  if (Array.isArray(parent)) return /^\d+$/.test(key) ? parent[Number(key)] : undefined;
  return Object.prototype.hasOwnProperty.call(parent, key) ? parent[key] : undefined;
}

function hasChild(parent: Container, key: string): boolean {
  if (Array.isArray(parent)) return /^\d+$/.test(key) && Number(key) < parent.length;
  return Object.prototype.hasOwnProperty.call(parent, key);
}

/** The container holding the path's last segment, or undefined when the way there does not exist. */
export function parentOf(root: unknown, path: DataPath): Container | undefined {
  let node: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (!isContainer(node)) return undefined;
    node = childOf(node, path[i]);
  }
  return isContainer(node) ? node : undefined;
}

export function hasPath(root: unknown, path: DataPath): boolean {
  const parent = parentOf(root, path);
  return parent !== undefined && hasChild(parent, path[path.length - 1]);
}

export function getPath(root: unknown, path: DataPath): unknown {
  const parent = parentOf(root, path);
  return parent === undefined ? undefined : childOf(parent, path[path.length - 1]);
}

/** Sets the value, creating missing objects on the way; false when something in the way is not an object. */
export function setPath(root: unknown, path: DataPath, value: unknown): boolean {
  if (!isContainer(root)) return false;
  let node: Container = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    let next = childOf(node, key);
    if (next === undefined) {
      if (Array.isArray(node)) return false;
      next = {};
      node[key] = next;
    }
    if (!isContainer(next)) return false;
    node = next;
  }
  const last = path[path.length - 1];
  if (Array.isArray(node)) {
    if (!/^\d+$/.test(last)) return false;
    node[Number(last)] = value;
  } else {
    node[last] = value;
  }
  return true;
}

/** Removes the field (an array element is spliced out); false when it was not there. */
export function removePath(root: unknown, path: DataPath): boolean {
  const parent = parentOf(root, path);
  const last = path[path.length - 1];
  if (parent === undefined || !hasChild(parent, last)) return false;
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return true;
}

/** Renames a key in place, keeping its position among its siblings. */
export function renameKey(root: unknown, path: DataPath, newKey: string): boolean {
  const parent = parentOf(root, path);
  const oldKey = path[path.length - 1];
  if (parent === undefined || Array.isArray(parent) || !hasChild(parent, oldKey)) return false;
  const entries = Object.entries(parent).filter(([key]) => key !== newKey);
  for (const key of Object.keys(parent)) delete parent[key];
  for (const [key, value] of entries) parent[key === oldKey ? newKey : key] = value;
  return true;
}
