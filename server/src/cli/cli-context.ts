import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/open-database.ts';

/** Runs a CLI action against the configured database, closing it (and an embedded cluster it started) afterwards. */
export async function withDatabase<T>(action: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    return await action(database, config);
  } finally {
    await database.close();
  }
}

/** Prints rows as an aligned table, the way a person reads them in a terminal. */
export function printTable(rows: Record<string, string>[], out: (line: string) => void = console.log): void {
  if (rows.length === 0) {
    out('(none)');
    return;
  }
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  out(line(columns.map((c) => c.toUpperCase())));
  for (const row of rows) out(line(columns.map((c) => row[c] ?? '')));
}
