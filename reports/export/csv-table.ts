// An exported table as CSV, through the one CSV writer (core/csv.ts) rather than DuckDB's COPY, which quotes but
// leaves `=…` cells for a spreadsheet to evaluate. Values are read as DuckDB's own text (timestamps, `[a, b]`
// lists, doubles as DuckDB writes them), streamed chunk by chunk so a large table is never held whole.
import { closeSync, openSync, writeSync } from 'node:fs';
import { csvLine, isNumericType } from '../../core/csv.ts';
import type { Store } from '../../data/store.ts';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function writeCsvTable(store: Store, table: string, columns: { name: string; type: string }[],
  path: string): Promise<void> {
  const numeric = columns.map((c) => isNumericType(c.type));
  const select = columns.map((c) => `${ident(c.name)}::VARCHAR AS ${ident(c.name)}`).join(', ');
  // 'wx': the file is new in the export's own temp folder; never follow or reuse something already there
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, csvLine(columns.map((c) => c.name)));
    await store.each<Record<string, string | null>>(`SELECT ${select} FROM ${ident(table)}`, [], (rows) => {
      writeSync(fd, rows.map((r) => csvLine(columns.map((c) => r[c.name]), numeric)).join(''));
    });
  } finally {
    closeSync(fd);
  }
}
