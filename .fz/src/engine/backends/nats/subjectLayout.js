"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NO_AGGREGATE_TOKEN = void 0;
exports.aggregateToken = aggregateToken;
exports.aggregateOfToken = aggregateOfToken;
exports.subjectOf = subjectOf;
exports.snapshotKey = snapshotKey;
exports.parseSnapshotKey = parseSnapshotKey;
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
exports.NO_AGGREGATE_TOKEN = '~';
function aggregateToken(aggregateId) {
    if (aggregateId === null || aggregateId === '')
        return exports.NO_AGGREGATE_TOKEN;
    return PLAIN_ID.test(aggregateId) ? aggregateId : `~${Buffer.from(aggregateId, 'utf8').toString('base64url')}`;
}
/** The aggregate id of a subject's last token (null for events with none). */
function aggregateOfToken(token) {
    if (token === exports.NO_AGGREGATE_TOKEN)
        return null;
    return token.startsWith('~') ? Buffer.from(token.slice(1), 'base64url').toString('utf8') : token;
}
function subjectOf(prefix, aggregateId) {
    return `${prefix}.${aggregateToken(aggregateId)}`;
}
/**
 * A snapshot's key in the KV bucket: `p.<id>.<seq>` for plain ids, `b.<base64url>.<seq>`
 * otherwise (KV keys allow letters, digits, `-`, `_`, `=`, `/` and `.`).
 */
function snapshotKey(aggregateId, sequence) {
    const id = PLAIN_ID.test(aggregateId) ? `p.${aggregateId}` : `b.${Buffer.from(aggregateId, 'utf8').toString('base64url')}`;
    return `${id}.${sequence}`;
}
function parseSnapshotKey(key) {
    const match = /^([pb])\.([A-Za-z0-9_-]+)\.(-?\d+)$/.exec(key);
    if (!match)
        return null;
    const aggregateId = match[1] === 'p' ? match[2] : Buffer.from(match[2], 'base64url').toString('utf8');
    return { aggregateId, sequence: Number(match[3]) };
}
//# sourceMappingURL=subjectLayout.js.map