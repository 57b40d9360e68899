"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.baseName = baseName;
exports.storeLabel = storeLabel;
/** The last segment of a POSIX or Windows path (no Node import: the model stays pure). */
function baseName(p) {
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
function storeLabel(storeRoot, folder) {
    const norm = (p) => p.replace(/\\/g, '/').replace(/\/+$/, '');
    const root = norm(storeRoot);
    if (folder) {
        const base = norm(folder);
        const inside = root.startsWith(`${base}/`) ? root.slice(base.length + 1) : null;
        if (inside === 'event_store')
            return baseName(base);
        if (inside !== null)
            return `${baseName(base)} · ${inside}`;
    }
    const parent = root.slice(0, Math.max(0, root.lastIndexOf('/')));
    return parent ? `${baseName(parent)}/${baseName(root)}` : baseName(root);
}
//# sourceMappingURL=pathNames.js.map