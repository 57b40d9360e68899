import type pg from 'pg';
import { foreignLayout, FOREIGN_TABLES } from './foreignLayouts';
import { ownLayout } from './ownLayout';
import { EVENTS_TABLE } from './postgresLayout';
import type { PostgresLayoutName, SqlEventLayout } from './sqlEventLayout';

/** The table that marks each layout, in the order they are tried. */
const MARKERS: readonly { readonly name: PostgresLayoutName; readonly table: string }[] = [{ name: 'eventbus', table: EVENTS_TABLE }, ...FOREIGN_TABLES];

/**
 * Which event-store layout the schema holds, read from the catalog only
 * (nothing is created): the project's own, Emmett, Marten or message-db.
 * With `wanted`, that one (an error when its table is missing). No event
 * table at all is one clear error that names what was looked for.
 */
export async function detectLayout(pool: pg.Pool, schema: string, wanted?: PostgresLayoutName): Promise<SqlEventLayout> {
  const present = (await pool.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [schema])).rows.map((row: { table_name: string }) => row.table_name);
  const candidates = MARKERS.filter((marker) => (wanted === undefined || marker.name === wanted) && present.includes(marker.table));
  if (candidates.length === 0) {
    const looked = MARKERS.filter((marker) => wanted === undefined || marker.name === wanted).map((marker) => `${marker.table} (${marker.name})`);
    throw Object.assign(new Error(`schema "${schema}" holds no event table: looked for ${looked.join(', ')}`), { code: 'EB_NO_LAYOUT' });
  }
  const chosen = candidates[0];
  const columnsOf = async (table: string): Promise<string[]> =>
    (await pool.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2`, [schema, table])).rows.map((row: { column_name: string }) => row.column_name);
  const indexesOf = async (table: string): Promise<string[]> =>
    (await pool.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`, [schema, table])).rows.map((row: { indexdef: string }) => row.indexdef);
  if (chosen.name === 'eventbus') {
    return ownLayout(schema, (await columnsOf(EVENTS_TABLE)).includes('transaction_id'), await indexesOf(EVENTS_TABLE));
  }
  return foreignLayout(chosen.name, { pool, schema, columnsOf, indexesOf });
}
