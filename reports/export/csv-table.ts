// An exported table as CSV, through the one CSV writer (core/csv.ts) rather than DuckDB's COPY, which quotes but
// leaves `=…` cells for a spreadsheet to evaluate. Values are read as DuckDB's own text (timestamps, `[a, b]`
// lists, doubles as DuckDB writes them), streamed chunk by chunk so a large table is never held whole.
import { closeSync, openSync, writeSync } from 'node:fs';
import { csvLine, isNumericType } from '../../core/csv.ts';
import type { Store } from '../../store/store.ts';
import { eachAsText } from '../../store/export-tables.ts';

export async function writeCsvTable(
  store: Store,
  table: string,
  columns: { name: string; type: string }[],
  path: string,
): Promise<void> {
  const numeric = columns.map((c) => isNumericType(c.type));
  // 'wx': the file is new in the export's own temp folder; never follow or reuse something already there
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, csvLine(columns.map((c) => c.name)));
    await eachAsText(
      store,
      table,
      columns.map((c) => c.name),
      (rows) => {
        writeSync(
          fd,
          rows
            .map((r) =>
              csvLine(
                columns.map((c) => r[c.name]),
                numeric,
              ),
            )
            .join(''),
        );
      },
      new Set(columns.filter((c) => c.type.endsWith('[]')).map((c) => c.name)),
    );
  } finally {
    closeSync(fd);
  }
}
