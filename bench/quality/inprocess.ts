// The CLI's steps run in this process: the functions `triage extract` (bin/commands/files.ts), `triage ingest --dir`
// (bin/commands/stages.ts) and `triage incidents --json` (bin/commands/data.ts) call, in the same order, without a
// child's start-up (about 3 s of CPU each). The quality test uses these and compares extractCliLines with the CLI's
// own output on a few files, so the two cannot drift apart unnoticed; the bench spawns the CLI itself (./cli.ts).
import { join } from 'node:path';
import { describe as describeError } from '../../core/errors.ts';
import { silentLogger, systemClock } from '../../core/effects.ts';
import { readLocalDir, readLocalFile } from '../../ingest/local.ts';
import { cleanFetchedPageAsync } from '../../ingest/clean/page.ts';
import { extract, loadReference, type Reference } from '../../analyze/extract/index.ts';
import { Store } from '../../store/store.ts';
import { loadIncidents } from '../../store/analysis.ts';
import { emptyStats } from '../../pipeline/ingest-stats.ts';
import { ingestPages } from '../../pipeline/ingest-dir.ts';
import { createPool } from '../../pipeline/pool.ts';
import { analyze } from '../../pipeline/analyze.ts';
import { PROJECT } from '../../core/paths.ts';
import { ROOT } from './cli.ts';

let reference: Reference | null = null;
/** The reference data, loaded once, from the folder the CLI reads. */
export const ref = (): Reference => (reference ??= loadReference(join(ROOT, 'data/reference')));

/** What `triage extract FILES --jsonl` prints, one line per file (a file that fails gets the CLI's error line). */
export async function extractCliLines(files: string[]): Promise<string> {
  const out: string[] = [];
  for (const file of files) {
    try {
      const article = await cleanFetchedPageAsync(await readLocalFile(file, { clock: systemClock }));
      const { doc_id: _d, extractor_version: _v, ...x } = extract(article, ref());
      out.push(JSON.stringify({ file, ...x }));
    } catch (err) {
      out.push(
        JSON.stringify({
          file,
          relevant: false,
          relevance: 0,
          attack_types: [],
          victims: [],
          actors: [],
          ransom: [],
          payment_method: null,
          records_affected: null,
          attack_date: null,
          published: null,
          downtime_days: null,
          countries: [],
          error: describeError(err),
        }),
      );
    }
  }
  return out.map((l) => `${l}\n`).join('');
}

/** `triage ingest --dir DIR --db DB --workers 0` (which analyzes), then what `triage incidents --json` prints. */
export async function incidentsCliJson(dir: string, db: string): Promise<string> {
  const store = await Store.open(db);
  const pool = createPool({ size: 0, referenceDir: PROJECT.reference });
  try {
    const clock = systemClock,
      log = silentLogger;
    await ingestPages({ store, clock, log, pool }, readLocalDir(dir, { clock, onError: async () => {} }), emptyStats());
    await analyze({ store, clock, log, reference: ref(), pool }, { reextract: false });
    return `${JSON.stringify(await loadIncidents(store), null, 2)}\n`;
  } finally {
    await pool.close();
    store.close();
  }
}
