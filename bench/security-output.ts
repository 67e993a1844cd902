// What the safe outputs cost (issue 15, items 3-4): the CSV export through the one CSV writer against DuckDB's own
// COPY of the same tables, and the throughput of the log sink and the CSV cell rule on hostile text, including the
// inputs that would make a careless regex quadratic.
// node --import tsx bench/security-output.ts [--docs 20000] [--incidents 20000]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Store } from '../store/store.ts';
import { exportDataset } from '../reports/export/export.ts';
import { dropTemps, EXPORT_TABLES, materialise, tempName } from '../store/export-tables.ts';
import { csvLine } from '../core/csv.ts';
import { safeLine } from '../core/safe-text.ts';
import { buildIncidentDb } from './scale-db.ts';
import { EXTRACTOR_VERSION } from '../analyze/extract/index.ts';

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '20000' }, incidents: { type: 'string', default: '20000' } },
});
const docs = Number(values.docs);
const incidents = Number(values.incidents);

const time = async (fn: () => Promise<unknown> | unknown): Promise<number> => {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
};
const mbps = (bytes: number, s: number) => `${(bytes / 1e6 / s).toFixed(0)} MB/s`;

const dir = await mkdtemp(join(tmpdir(), 'triage-bench-out-'));
try {
  const store = await Store.open(join(dir, 'bench.duckdb'));
  await buildIncidentDb(store, incidents);
  // ~3 KB of text per document; every fifth title starts like a formula, so the writer's quoting path is exercised
  await store.run(
    `INSERT INTO documents SELECT 'doc_' || i, 'ver_' || i, 'https://news.example/' || i,
      'https://news.example/' || i, NULL, 'h' || i, CASE WHEN i % 5 = 0 THEN '=HYPERLINK("x")' ELSE 'Title ' || i END,
      NULL, 'Outlet', NULL, TIMESTAMPTZ '2022-01-01' + to_days(i % 1000), NULL, 'en',
      repeat('Ransomware hit the hospital, "sources" said. ', 66), NULL, TIMESTAMPTZ '2023-01-01', 'src'
    FROM range(?) t(i)`,
    [docs],
  );
  store.close();

  const ro = await Store.open(join(dir, 'bench.duckdb'), { readOnly: true });
  const writer = await time(() => exportDataset(ro, { format: 'csv', out: join(dir, 'writer') }));
  // the same tables through DuckDB's COPY, as the export wrote them before (no formula neutralising, no manifest)
  const copy = await time(async () => {
    await materialise(ro, EXTRACTOR_VERSION);
    for (const t of EXPORT_TABLES)
      await ro.run(`COPY ${tempName(t)} TO '${join(dir, `copy-${t}.csv`)}' (FORMAT csv, HEADER)`);
    await dropTemps(ro);
  });
  ro.close();
  console.log(
    `export csv, ${docs} documents + ${incidents} incidents: CSV writer + manifest ${writer.toFixed(2)} s, ` +
      `DuckDB COPY ${copy.toFixed(2)} s (${(writer / copy).toFixed(2)}x)`,
  );

  const line = `warning: ${'Hospital \u001b]52;c;aGk=\u0007 title http://u:p@h.example/x '.repeat(20)}`;
  const lines = Array.from({ length: 20_000 }, () => line);
  const sink = await time(() => {
    for (const l of lines) safeLine(l);
  });
  console.log(`log sink: ${mbps(line.length * lines.length, sink)} of hostile log lines`);

  const row = ['=cmd|x', 'St. Mary Hospital', '-2+3', 'a, "quoted" text', '12.5', '-7'];
  const cells = await time(() => {
    for (let k = 0; k < 200_000; k++) csvLine(row, [false, false, false, false, true, true]);
  });
  console.log(`CSV writer: ${(200_000 / cells / 1e6).toFixed(2)} M rows/s of 6 cells`);

  // linear on inputs built to make a backtracking URL or scheme scan quadratic
  for (const [name, text] of [
    ['5 MB single word', 'a'.repeat(5e6)],
    ['5 MB of "http://"', 'http://'.repeat(7e5)],
    ['5 MB of "a://@"', 'a://@'.repeat(1e6)],
    ['5 MB of "x@"', 'x@'.repeat(2.5e6)],
  ] as const) {
    const s = await time(() => safeLine(text));
    console.log(`log sink on ${name}: ${s.toFixed(3)} s`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
