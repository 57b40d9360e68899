// The bench's DuckDB baseline, run as a whole process like ours: count the
// events of every aggregate with read_json + GROUP BY over the store's files.
// Plain JavaScript outside the bundle: @duckdb/node-api loads a native module.
'use strict';
const { DuckDBInstance } = require('@duckdb/node-api');

async function main() {
  const store = process.argv[2];
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const files = `${store.replace(/'/g, "''")}/events/*.jsonl`;
  const reader = await connection.runAndReadAll(
    `SELECT metadata.aggregate_id AS aggregate_id, count(*) AS events FROM read_json('${files}', format = 'newline_delimited') GROUP BY aggregate_id`,
  );
  process.stdout.write(`${reader.getRows().length} aggregates\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
