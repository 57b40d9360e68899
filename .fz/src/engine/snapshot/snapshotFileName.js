"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvalidAggregateIdError = exports.MAX_ENCODED_ID_LENGTH = exports.SNAPSHOT_SUFFIX = exports.SNAPSHOT_PREFIX = void 0;
exports.hashedIdDigest = hashedIdDigest;
exports.encodeAggregateId = encodeAggregateId;
exports.decodeAggregateId = decodeAggregateId;
exports.snapshotFileName = snapshotFileName;
exports.snapshotRelativePath = snapshotRelativePath;
exports.parseSnapshotFileName = parseSnapshotFileName;
const node_crypto_1 = require("node:crypto");
const layout_1 = require("../store/layout");
/**
 * Snapshot files are `snapshots/snapshot_<aggregate_id>_<sequence>.json`, as
 * the Python bus writes them. The aggregate id sits inside a file name, so an
 * id like `../../etc/x` must never become a path: ids are escaped here.
 *
 * The scheme, chosen so that ordinary ids stay byte-identical to what Python
 * writes (letters, digits, `_`, `-`, `.`) and everything else is reversible:
 *  - a byte outside that set (including `~` itself) becomes `~XX`, the
 *    uppercase hex of each UTF-8 byte (`a/b` → `a~2Fb`);
 *  - a leading `.` is escaped (`~2E`) so no name is hidden or `..`;
 *  - a Windows device name (`CON`, `nul.txt`, `COM1`…) has its first letter
 *    escaped (`~43ON`);
 *  - a lone UTF-16 surrogate (not representable in UTF-8) becomes `~uXXXX`;
 *  - an id whose escaped form exceeds MAX_ENCODED_ID_LENGTH becomes
 *    `~H<40 hex of sha256>`: the name no longer holds the id, the file's
 *    `aggregate_id` does (the snapshot store reads it back when listing).
 * An encoded id therefore only ever contains `[A-Za-z0-9_.~-]`.
 *
 * Decoding accepts a name as escaped only when re-encoding its decoded id
 * gives the name back (canonical); otherwise the name is taken literally.
 * So a Python-written `snapshot_a~41_5.json` is aggregate `a~41`, not `aA`.
 * The one remaining ambiguity, a Python id that is itself a canonical
 * escape (`~43ON`), is read as the id it escapes; such ids are not expected.
 */
exports.SNAPSHOT_PREFIX = 'snapshot_';
exports.SNAPSHOT_SUFFIX = '.json';
/** Keeps whole names (and the temp names of atomic writes beside them) under the usual 255-byte limit. */
exports.MAX_ENCODED_ID_LENGTH = 160;
const HASH_MARKER = '~H';
const HASH_HEX_LENGTH = 40;
const PLAIN_ID_CHAR = /[A-Za-z0-9_.\-]/;
const RESERVED_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)(\..*)?$/i;
const SNAPSHOT_NAME = /^snapshot_(.+)_(\d+)\.json$/;
class InvalidAggregateIdError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InvalidAggregateIdError';
    }
}
exports.InvalidAggregateIdError = InvalidAggregateIdError;
function hex2(byte) {
    return `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}
function escapeCodePoint(text) {
    const code = text.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff)
        return `~u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    let out = '';
    for (const byte of Buffer.from(text, 'utf8'))
        out += hex2(byte);
    return out;
}
/** The digest used in `~H` names for ids too long to spell out. */
function hashedIdDigest(aggregateId) {
    return (0, node_crypto_1.createHash)('sha256').update(aggregateId, 'utf8').digest('hex').slice(0, HASH_HEX_LENGTH);
}
/** The escaped id as it appears in a file name (see the scheme above). Throws for an empty id. */
function encodeAggregateId(aggregateId) {
    if (typeof aggregateId !== 'string' || aggregateId.length === 0) {
        throw new InvalidAggregateIdError('a snapshot needs a non-empty aggregate id');
    }
    let out = '';
    // for…of walks code points, so a surrogate pair is one character and a lone surrogate stays alone.
    for (const ch of aggregateId) {
        out += ch.length === 1 && ch !== '~' && PLAIN_ID_CHAR.test(ch) ? ch : escapeCodePoint(ch);
    }
    if (out.startsWith('.'))
        out = `~2E${out.slice(1)}`;
    else if (RESERVED_DEVICE.test(out))
        out = `${hex2(out.charCodeAt(0))}${out.slice(1)}`;
    if (out.length > exports.MAX_ENCODED_ID_LENGTH)
        return `${HASH_MARKER}${hashedIdDigest(aggregateId)}`;
    return out;
}
/** Undoes the escapes; returns null when the text is not a well-formed escape sequence. */
function unescape(encoded) {
    let out = '';
    let bytes = [];
    const flush = () => {
        if (bytes.length === 0)
            return true;
        const buf = Buffer.from(bytes);
        const text = buf.toString('utf8');
        bytes = [];
        // Invalid UTF-8 would decode to U+FFFD and not round-trip: not one of our names.
        if (!Buffer.from(text, 'utf8').equals(buf))
            return false;
        out += text;
        return true;
    };
    for (let i = 0; i < encoded.length; i++) {
        const ch = encoded[i];
        if (ch !== '~') {
            if (!flush())
                return null;
            out += ch;
            continue;
        }
        const pair = /^[0-9A-F]{2}/.exec(encoded.slice(i + 1, i + 3));
        if (pair) {
            bytes.push(parseInt(pair[0], 16));
            i += 2;
            continue;
        }
        const surrogate = /^u([0-9A-F]{4})/.exec(encoded.slice(i + 1, i + 6));
        if (surrogate) {
            if (!flush())
                return null;
            out += String.fromCharCode(parseInt(surrogate[1], 16));
            i += 5;
            continue;
        }
        return null;
    }
    return flush() ? out : null;
}
/** The aggregate id an encoded name part stands for (literal when it is not a canonical escape). */
function decodeAggregateId(encoded) {
    if (!encoded.includes('~'))
        return encoded;
    const decoded = unescape(encoded);
    if (decoded === null || decoded.length === 0)
        return encoded;
    try {
        return encodeAggregateId(decoded) === encoded ? decoded : encoded;
    }
    catch {
        return encoded;
    }
}
/** `snapshot_<encoded id>_<sequence>.json`. */
function snapshotFileName(aggregateId, sequenceNumber) {
    if (!Number.isSafeInteger(sequenceNumber) || sequenceNumber < 0) {
        throw new InvalidAggregateIdError(`a snapshot sequence number must be a non-negative integer, got ${sequenceNumber}`);
    }
    return `${exports.SNAPSHOT_PREFIX}${encodeAggregateId(aggregateId)}_${sequenceNumber}${exports.SNAPSHOT_SUFFIX}`;
}
/** Store-relative, `/`-separated: `snapshots/snapshot_trader_1_150.json`. */
function snapshotRelativePath(aggregateId, sequenceNumber) {
    return `${layout_1.SNAPSHOTS_DIR}/${snapshotFileName(aggregateId, sequenceNumber)}`;
}
/**
 * What a file name in `snapshots/` says, or null when it is not a snapshot
 * name. The sequence is after the LAST underscore, so ids may hold
 * underscores and digits (`snapshot_market_data_BTC_USDT_150.json`).
 */
function parseSnapshotFileName(name) {
    const match = SNAPSHOT_NAME.exec(name);
    if (!match)
        return null;
    const sequenceNumber = Number(match[2]);
    if (!Number.isSafeInteger(sequenceNumber))
        return null;
    const encoded = match[1];
    const hashed = new RegExp(`^${HASH_MARKER}([0-9a-f]{${HASH_HEX_LENGTH}})$`).exec(encoded);
    if (hashed)
        return { kind: 'hashed', digest: hashed[1], sequenceNumber, literalId: encoded };
    return { kind: 'plain', aggregateId: decodeAggregateId(encoded), sequenceNumber };
}
//# sourceMappingURL=snapshotFileName.js.map