// Researchers' exports: incidents, documents and ransom claims as CSV, JSON Lines or Parquet (hive-partitioned
// by year and month). Everything is written into a temp folder first and renamed into place: no half exports.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../../core/errors.ts';
import type { Store } from '../../data/store.ts';

export type ExportFormat = 'csv' | 'jsonl' | 'parquet';

export interface ExportOptions { format: ExportFormat; out: string; since?: string; until?: string }

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The exported tables; dates filter incidents, and documents/claims follow their incidents. */
function tableQueries(since?: string, until?: string): Record<string, string> {
  const conds = [since ? `coalesce(attack_date, first_reported) >= DATE ${sqlString(since)}` : null,
    until ? `coalesce(attack_date, first_reported) <= DATE ${sqlString(until)}` : null].filter(Boolean);
  const inc = `SELECT * EXCLUDE (record), record::VARCHAR AS record_json,
      year(coalesce(attack_date, first_reported)) AS year, month(coalesce(attack_date, first_reported)) AS month
    FROM incidents ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}`;
  return {
    incidents: inc,
    documents: `SELECT d.doc_id, d.canonical_url, d.url, d.file, d.content_hash, d.title, d.outlet, d.published,
        d.language, d.text, year(d.published) AS year, month(d.published) AS month
      FROM documents d WHERE d.doc_id IN (SELECT doc_id FROM incident_sources WHERE incident_id IN (SELECT incident_id FROM (${inc})))`,
    claims: `SELECT f.fact_id AS claim_id, f.doc_id, s.incident_id, f.value->>'kind' AS kind,
        TRY_CAST(f.value->>'amount' AS DOUBLE) AS amount, f.value->>'currency' AS currency,
        TRY_CAST(f.value->>'usd' AS DOUBLE) AS usd, f.value->>'usd_rate_date' AS usd_rate_date,
        f.value->>'as_written' AS as_written, TRY_CAST(f.value->>'disputed' AS BOOLEAN) AS disputed,
        TRY_CAST(f.value->>'hedged' AS BOOLEAN) AS hedged, f.quote, d.published,
        year(d.published) AS year, month(d.published) AS month
      FROM facts f JOIN documents d ON d.version_id = f.version_id
      JOIN incident_sources s ON s.doc_id = f.doc_id
      WHERE f.field = 'ransom' AND s.incident_id IN (SELECT incident_id FROM (${inc}))`,
  };
}

export async function exportDataset(store: Store, o: ExportOptions): Promise<{ dir: string; rows: Record<string, number> }> {
  for (const [k, v] of [['since', o.since], ['until', o.until]] as const) {
    if (v && !DATE.test(v)) throw new ConfigError(`--${k} must be YYYY-MM-DD, got "${v}"`);
  }
  const dir = resolve(o.out);
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const rows: Record<string, number> = {};
  for (const [name, query] of Object.entries(tableQueries(o.since, o.until))) {
    rows[name] = Number((await store.one<{ n: number }>(`SELECT count(*) AS n FROM (${query})`))?.n ?? 0);
    const target = o.format === 'parquet' ? join(tmp, name) : join(tmp, `${name}.${o.format}`);
    const fmt = o.format === 'parquet' ? `FORMAT parquet, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE`
      : o.format === 'csv' ? 'FORMAT csv, HEADER' : 'FORMAT json';
    await store.run(`COPY (${query}) TO ${sqlString(target)} (${fmt})`);
  }
  await writeFile(join(tmp, 'README.md'), exportReadme(o, rows));
  await mkdir(dirname(dir), { recursive: true });
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  return { dir, rows };
}

function exportReadme(o: ExportOptions, rows: Record<string, number>): string {
  return `# Triage export

Format: ${o.format}${o.format === 'parquet' ? ' (hive-partitioned by year and month: read with `read_parquet(\'incidents/**/*.parquet\', hive_partitioning = true)`)' : ''}.
Filter: ${o.since ?? 'any date'} to ${o.until ?? 'any date'} (incident date = attack date, else first reported).

| table | rows |
|---|---|
${Object.entries(rows).map(([k, v]) => `| ${k} | ${v} |`).join('\n')}

Incidents are resolved automatically from news reports; figures marked hedged or disputed are reported claims,
not verified facts. Article texts belong to their publishers: cite the outlet and URL, and use the texts for
research only. Cite the dataset as: Triage healthcare cyber-incident dataset, exported with Triage 0.1.
`;
}
