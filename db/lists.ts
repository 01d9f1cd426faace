import { getTableColumns, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { SQLiteTable, SQLiteInsertValue } from "drizzle-orm/sqlite-core";
import type { BatchItem } from "drizzle-orm/batch";
import type { ShardDb } from "./client";

/**
 * D1 allows at most 100 bound parameters per statement, so lists of ids never become
 * `IN (?, ?, …)`: the whole list travels as one JSON parameter and SQLite unpacks it.
 * The planner still uses the column's index for `x IN (SELECT value FROM json_each(?))`.
 */
export function inList(column: SQLWrapper, values: readonly (string | number)[]): SQL {
  return sql`${column} in (select value from json_each(${JSON.stringify(values)}))`;
}

const MAX_PARAMS = 100;

/** One multi-row INSERT per chunk, each under D1's parameter limit; pass them all to one `db.batch`. */
export function insertRows<T extends SQLiteTable>(db: ShardDb, table: T, rows: SQLiteInsertValue<T>[]) {
  const perRow = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.floor((MAX_PARAMS - 1) / perRow));
  const out = [];
  for (let i = 0; i < rows.length; i += size) out.push(db.insert(table).values(rows.slice(i, i + size)));
  return out;
}

/** `db.batch` for a list that may be empty (one transaction, as every batch). */
export async function batchAll(db: ShardDb, statements: BatchItem<"sqlite">[]) {
  if (statements.length) await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
}
