"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.detectLayout = detectLayout;
const foreignLayouts_1 = require("./foreignLayouts");
const ownLayout_1 = require("./ownLayout");
const postgresLayout_1 = require("./postgresLayout");
/** The table that marks each layout, in the order they are tried. */
const MARKERS = [{ name: 'eventbus', table: postgresLayout_1.EVENTS_TABLE }, ...foreignLayouts_1.FOREIGN_TABLES];
/**
 * Which event-store layout the schema holds, read from the catalog only
 * (nothing is created): the project's own, Emmett, Marten or message-db.
 * With `wanted`, that one (an error when its table is missing). No event
 * table at all is one clear error that names what was looked for.
 */
async function detectLayout(pool, schema, wanted) {
    const present = (await pool.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [schema])).rows.map((row) => row.table_name);
    const candidates = MARKERS.filter((marker) => (wanted === undefined || marker.name === wanted) && present.includes(marker.table));
    if (candidates.length === 0) {
        const looked = MARKERS.filter((marker) => wanted === undefined || marker.name === wanted).map((marker) => `${marker.table} (${marker.name})`);
        throw Object.assign(new Error(`schema "${schema}" holds no event table: looked for ${looked.join(', ')}`), { code: 'EB_NO_LAYOUT' });
    }
    const chosen = candidates[0];
    const columnsOf = async (table) => (await pool.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2`, [schema, table])).rows.map((row) => row.column_name);
    const indexesOf = async (table) => (await pool.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`, [schema, table])).rows.map((row) => row.indexdef);
    if (chosen.name === 'eventbus') {
        return (0, ownLayout_1.ownLayout)(schema, (await columnsOf(postgresLayout_1.EVENTS_TABLE)).includes('transaction_id'), await indexesOf(postgresLayout_1.EVENTS_TABLE));
    }
    return (0, foreignLayouts_1.foreignLayout)(chosen.name, { pool, schema, columnsOf, indexesOf });
}
//# sourceMappingURL=detectLayout.js.map