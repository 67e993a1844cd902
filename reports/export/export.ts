// Researchers' exports: incidents, their sources, documents and ransom claims as CSV, JSON Lines or Parquet
// (hive-partitioned by year and month), with a data dictionary and a README; or a STIX 2.1 bundle.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../../core/errors.ts';
import { isCalendarDate } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import {
  columnsOf,
  copyTemp,
  dropTemps,
  EXPORT_TABLES,
  materialise,
  tempName,
  type ExportTable,
} from '../../store/export-tables.ts';
import { EXTRACTOR_VERSION } from '../../analyze/extract/index.ts';
import { buildDictionary, dictionaryMarkdown, incidentJsonSchema } from './dictionary.ts';
import { exportReadme } from './readme.ts';
import { writeFolderAtomically } from './folder.ts';
import { writeCsvTable } from './csv-table.ts';
import { buildStixBundle } from './stix.ts';
import { fillEvidence } from './evidence-table.ts';
import { citationCff, provenance } from './citation.ts';

export type ExportFormat = 'csv' | 'jsonl' | 'parquet' | 'stix';
export const EXPORT_FORMATS: ExportFormat[] = ['csv', 'jsonl', 'parquet', 'stix'];

export interface ExportOptions {
  format: ExportFormat;
  out: string;
  since?: string;
  until?: string;
  /** the export time (ISO), from the injected clock; default: now */
  now?: string;
  /** STIX only: the TLP marking of every object (CLEAR, GREEN, AMBER, RED; default CLEAR) */
  tlp?: string;
}
export interface ExportResult {
  dir: string;
  rows: Record<string, number>;
}

export async function exportDataset(store: Store, o: ExportOptions): Promise<ExportResult> {
  if (!EXPORT_FORMATS.includes(o.format)) throw new ConfigError(`unknown export format "${o.format}"`);
  for (const [k, v] of [
    ['since', o.since],
    ['until', o.until],
  ] as const) {
    if (v && !isCalendarDate(v)) throw new ConfigError(`--${k} must be YYYY-MM-DD, got "${v}"`);
  }
  if (o.format === 'stix') return exportStix(store, o);
  if (o.tlp !== undefined) throw new ConfigError('--tlp marks a STIX export only (--format stix)');
  try {
    const rows = await materialise(store, EXTRACTOR_VERSION, o.since, o.until);
    rows.evidence = await fillEvidence(store, o.since, o.until);
    const about = await provenance(store, { ...o, now: o.now ?? new Date().toISOString() }, rows);
    const { dir } = await writeFolderAtomically(
      o.out,
      async (tmp) => {
        const columns = {} as Record<ExportTable, { name: string; type: string }[]>;
        for (const t of EXPORT_TABLES) {
          columns[t] = await columnsOf(store, t);
          const file = target(tmp, t, o.format);
          if (o.format === 'csv') await writeCsvTable(store, tempName(t), columns[t], file);
          else await copyTemp(store, t, file, o.format as 'jsonl' | 'parquet');
        }
        const dictionary = buildDictionary(columns);
        await writeFile(join(tmp, 'DATA_DICTIONARY.md'), dictionaryMarkdown(dictionary));
        await writeFile(join(tmp, 'data-dictionary.json'), `${JSON.stringify(dictionary, null, 2)}\n`);
        await writeFile(join(tmp, 'incident.schema.json'), `${JSON.stringify(incidentJsonSchema(), null, 2)}\n`);
        await writeFile(join(tmp, 'README.md'), exportReadme(o, rows));
        await writeFile(join(tmp, 'CITATION.cff'), citationCff(about));
      },
      about,
    );
    return { dir, rows };
  } finally {
    await dropTemps(store);
  }
}

function target(tmp: string, t: ExportTable, format: ExportFormat): string {
  return format === 'parquet' ? join(tmp, t) : join(tmp, `${t}.${format}`);
}

async function exportStix(store: Store, o: ExportOptions): Promise<ExportResult> {
  const bundle = await buildStixBundle(store, { since: o.since, until: o.until, tlp: o.tlp });
  const counts: Record<string, number> = {};
  for (const obj of bundle.objects) counts[obj.type] = (counts[obj.type] ?? 0) + 1;
  const about = await provenance(store, { ...o, now: o.now ?? new Date().toISOString() }, counts);
  const { dir } = await writeFolderAtomically(
    o.out,
    async (tmp) => {
      await writeFile(join(tmp, 'bundle.json'), `${JSON.stringify(bundle, null, 2)}\n`);
      await writeFile(join(tmp, 'README.md'), exportReadme(o, counts));
      await writeFile(join(tmp, 'CITATION.cff'), citationCff(about));
    },
    about,
  );
  return { dir, rows: counts };
}
