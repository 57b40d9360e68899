/** The last segment of a POSIX or Windows path (no Node import: the model stays pure). */
export function baseName(p: string): string {
  const trimmed = p.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut >= 0 ? trimmed.slice(cut + 1) : trimmed;
}

/**
 * How a store is named in the views and the timeline: its workspace
 * folder, plus the store's path inside it when that is not the usual
 * `event_store` (two stores of one folder must not look alike); a store
 * outside every folder by its parent folder and its own name.
 */
export function storeLabel(storeRoot: string, folder: string | null | undefined): string {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const root = norm(storeRoot);
  if (folder) {
    const base = norm(folder);
    const inside = root.startsWith(`${base}/`) ? root.slice(base.length + 1) : null;
    if (inside === 'event_store') return baseName(base);
    if (inside !== null) return `${baseName(base)} · ${inside}`;
  }
  const parent = root.slice(0, Math.max(0, root.lastIndexOf('/')));
  return parent ? `${baseName(parent)}/${baseName(root)}` : baseName(root);
}
