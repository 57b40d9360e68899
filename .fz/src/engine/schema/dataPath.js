"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseDataPath = parseDataPath;
exports.formatDataPath = formatDataPath;
exports.parentOf = parentOf;
exports.hasPath = hasPath;
exports.getPath = getPath;
exports.setPath = setPath;
exports.removePath = removePath;
exports.renameKey = renameKey;
function parseDataPath(text) {
    if (text.length === 0)
        return { error: 'a path may not be empty' };
    if (text.startsWith('/')) {
        const segments = text.slice(1).split('/');
        for (const segment of segments) {
            if (/~(?![01])/.test(segment))
                return { error: `"${text}" has a "~" not followed by 0 or 1 (JSON Pointer escapes are ~0 and ~1)` };
        }
        return segments.map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    }
    const segments = text.split('.');
    if (segments.some((segment) => segment.length === 0))
        return { error: `"${text}" has an empty segment (two dots, or a dot at an end)` };
    return segments;
}
function formatDataPath(path) {
    return path.join('.');
}
function isContainer(value) {
    return value !== null && typeof value === 'object';
}
function childOf(parent, key) {
    if (Array.isArray(parent))
        return /^\d+$/.test(key) ? parent[Number(key)] : undefined;
    return Object.prototype.hasOwnProperty.call(parent, key) ? parent[key] : undefined;
}
function hasChild(parent, key) {
    if (Array.isArray(parent))
        return /^\d+$/.test(key) && Number(key) < parent.length;
    return Object.prototype.hasOwnProperty.call(parent, key);
}
/** The container holding the path's last segment, or undefined when the way there does not exist. */
function parentOf(root, path) {
    let node = root;
    for (let i = 0; i < path.length - 1; i++) {
        if (!isContainer(node))
            return undefined;
        node = childOf(node, path[i]);
    }
    return isContainer(node) ? node : undefined;
}
function hasPath(root, path) {
    const parent = parentOf(root, path);
    return parent !== undefined && hasChild(parent, path[path.length - 1]);
}
function getPath(root, path) {
    const parent = parentOf(root, path);
    return parent === undefined ? undefined : childOf(parent, path[path.length - 1]);
}
/** Sets the value, creating missing objects on the way; false when something in the way is not an object. */
function setPath(root, path, value) {
    if (!isContainer(root))
        return false;
    let node = root;
    for (let i = 0; i < path.length - 1; i++) {
        const key = path[i];
        let next = childOf(node, key);
        if (next === undefined) {
            if (Array.isArray(node))
                return false;
            next = {};
            node[key] = next;
        }
        if (!isContainer(next))
            return false;
        node = next;
    }
    const last = path[path.length - 1];
    if (Array.isArray(node)) {
        if (!/^\d+$/.test(last))
            return false;
        node[Number(last)] = value;
    }
    else {
        node[last] = value;
    }
    return true;
}
/** Removes the field (an array element is spliced out); false when it was not there. */
function removePath(root, path) {
    const parent = parentOf(root, path);
    const last = path[path.length - 1];
    if (parent === undefined || !hasChild(parent, last))
        return false;
    if (Array.isArray(parent))
        parent.splice(Number(last), 1);
    else
        delete parent[last];
    return true;
}
/** Renames a key in place, keeping its position among its siblings. */
function renameKey(root, path, newKey) {
    const parent = parentOf(root, path);
    const oldKey = path[path.length - 1];
    if (parent === undefined || Array.isArray(parent) || !hasChild(parent, oldKey))
        return false;
    const entries = Object.entries(parent).filter(([key]) => key !== newKey);
    for (const key of Object.keys(parent))
        delete parent[key];
    for (const [key, value] of entries)
        parent[key === oldKey ? newKey : key] = value;
    return true;
}
//# sourceMappingURL=dataPath.js.map