"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseStoreLocation = parseStoreLocation;
exports.redactUrl = redactUrl;
const URL_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
function parseStoreLocation(text) {
    const scheme = URL_SCHEME.exec(text)?.[1]?.toLowerCase();
    if (scheme === undefined)
        return { kind: 'folder', path: text };
    if (scheme === 'postgres' || scheme === 'postgresql')
        return { kind: 'postgres', url: text };
    if (scheme === 'nats')
        return { kind: 'nats', url: text };
    throw new Error(`${redactUrl(text)}: unknown kind of store "${scheme}://" (expected a folder, postgres://… or nats://…)`);
}
/** The URL without its password, for messages and logs. */
function redactUrl(text) {
    try {
        const url = new URL(text);
        if (url.password)
            url.password = '***';
        return url.toString();
    }
    catch {
        return text.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
    }
}
//# sourceMappingURL=storeLocation.js.map