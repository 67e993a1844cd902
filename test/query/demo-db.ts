// The demo corpus ingested over loopback HTTP and analyzed into a DuckDB file in a temp dir (no report):
// the database the journalists' queries, the exports and the search page are checked against.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock, silentLogger } from '../../core/effects.ts';
import { Store } from '../../store/store.ts';
import { startSiteServer } from '../../demo/server.ts';
import { demoDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { loadSources } from '../../ingest/sources.ts';
import { loadReference } from '../../analyze/extract/index.ts';
import { createFetcher } from '../../ingest/fetch/fetcher.ts';
import { ingestSources } from '../../pipeline/ingest.ts';
import { analyze } from '../../pipeline/analyze.ts';
import { PROJECT } from '../../core/paths.ts';

export interface DemoDb {
  dir: string;
  path: string;
  cleanup(): Promise<void>;
}

/** Builds the demo database and closes it, so tests can open it read-only (as the CLI does). */
export async function buildDemoDb(): Promise<DemoDb> {
  const dir = await mkdtemp(join(tmpdir(), 'triage-q-'));
  const path = join(dir, 'demo.duckdb');
  const server = await startSiteServer(PROJECT.demoSites);
  const store = await Store.open(path);
  try {
    const clock = fixedClock('2026-01-05T12:00:00Z');
    const fetcher = createFetcher({
      dispatcher: demoDispatcher(server.origin),
      clock,
      logger: silentLogger,
      hostDelayMs: 0,
      concurrency: 8,
      retries: 0,
    });
    const { sources } = await loadSources(PROJECT.demoSources);
    await ingestSources({ store, fetcher, clock, log: silentLogger }, sources);
    await analyze({ store, clock, log: silentLogger, reference: loadReference(PROJECT.reference) });
  } finally {
    store.close();
    await server.close();
  }
  return { dir, path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
