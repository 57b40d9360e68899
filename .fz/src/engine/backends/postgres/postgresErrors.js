"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.describePostgresError = describePostgresError;
const storeLocation_1 = require("../storeLocation");
/** The error codes PostgreSQL and node give for the failures a user can fix. */
const EXPLAINED = {
    '28P01': 'the password was refused',
    '28000': 'the server refused this user (pg_hba.conf)',
    '3D000': 'the database does not exist',
    '42P01': 'the event table is missing: this database holds no store of this layout (eventbus copy --to creates one)',
    '3F000': 'the schema does not exist',
    '25006': 'the server is read-only (a streaming replica): write to its primary',
    '57P01': 'the server shut down (administrator command)',
    '57P03': 'the server is starting up or shutting down: try again',
    ECONNREFUSED: 'nothing is listening there (is the server running?)',
    ENOTFOUND: 'the host name does not resolve',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'the host is unreachable',
};
/** One clear line naming the store (password left out) and what went wrong. */
function describePostgresError(url, error) {
    const code = error.code;
    const message = error.message ?? String(error);
    const why = (code && EXPLAINED[code]) ?? (/timeout/i.test(message) ? 'the connection timed out' : message);
    return new Error(`${(0, storeLocation_1.redactUrl)(url)}: ${why}${code && EXPLAINED[code] ? ` (${code})` : ''}`);
}
//# sourceMappingURL=postgresErrors.js.map