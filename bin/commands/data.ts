import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.ts';
import { loadIncidents } from '../../store/analysis.ts';
import { hitJson, queryIncidents, type IncidentFilters } from '../../reports/query/incidents.ts';
import { sqlCommand } from './sql.ts';
import { checkActor, checkFilters } from '../../reports/query/filter-values.ts';
import { isCalendarDate } from '../../core/records.ts';
import { incidentsCsv, incidentsTable, snippetLines } from '../../reports/query/table.ts';
import { escapeControls } from '../../core/safe-text.ts';
import { exportDataset, type ExportFormat } from '../../reports/export/export.ts';
import { ctxOf, emit, out, withStore } from './context.ts';
import { Store } from '../../store/store.ts';
import { sourcesStatus } from '../../store/ingest-state.ts';
import { publishSnapshot, SnapshotReader } from '../../store/snapshot.ts';
import { startServer } from '../../reports/serve/server.ts';

interface QueryOpts {
  victim?: string;
  country?: string;
  actor?: string;
  type?: string;
  sector?: string;
  since?: string;
  until?: string;
  minRansomUsd?: string;
  text?: string;
  limit?: string;
  json?: boolean;
  csv?: boolean;
  sql?: string;
}

const toNumber = (flag: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new ConfigError(`${flag} must be a number, got "${v}"`);
  return n;
};

const FILTER_FLAGS = {
  victim: '--victim',
  country: '--country',
  actor: '--actor',
  type: '--type',
  sector: '--sector',
  since: '--since',
  until: '--until',
  minRansomUsd: '--min-ransom-usd',
  text: '--text',
} as const;

export async function queryCommand(opts: QueryOpts, cmd: Command): Promise<void> {
  const ctx = ctxOf(cmd);
  if (opts.json && opts.csv) throw new ConfigError('give --json or --csv, not both');
  const given = Object.entries(FILTER_FLAGS).filter(([k]) => opts[k as keyof typeof FILTER_FLAGS] !== undefined);
  if (opts.sql !== undefined) {
    if (given.length) throw new ConfigError(`--sql runs alone: drop ${given.map(([, f]) => f).join(', ')}`);
    return sqlCommand(ctx, { ...opts, sql: opts.sql }, out);
  }
  // a blank value would filter nothing and return everything, which is not what was asked
  for (const [k, flag] of given) {
    if (!String(opts[k as keyof typeof FILTER_FLAGS]).trim()) {
      throw new ConfigError(`${flag} is blank: give a value or drop the flag`);
    }
  }
  const limit = toNumber('--limit', opts.limit ?? '50');
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new ConfigError(`--limit must be a whole number of at least 1, got "${opts.limit}"`);
  }
  const filters: IncidentFilters = checkFilters({
    ...opts,
    minRansomUsd: toNumber('--min-ransom-usd', opts.minRansomUsd),
    limit,
  });
  for (const [k, flag] of [
    ['since', '--since'],
    ['until', '--until'],
  ] as const) {
    const v = filters[k];
    if (v !== undefined && !isCalendarDate(v)) throw new ConfigError(`${flag} must be YYYY-MM-DD, got "${v}"`);
  }
  await withStore(
    ctx,
    async (store) => {
      await checkActor(store, filters.actor);
      const incidents = await queryIncidents(store, filters);
      if (opts.json) emit(JSON.stringify(incidents.map(hitJson), null, 2));
      else if (opts.csv) out(incidentsCsv(incidents));
      else emit(incidentsTable(incidents) + snippetLines(incidents));
    },
    { readOnly: true },
  );
}

export async function incidentsCommand(opts: { json?: boolean }, cmd: Command): Promise<void> {
  const ctx = ctxOf(cmd);
  await withStore(
    ctx,
    async (store) => {
      const incidents = await loadIncidents(store);
      emit(opts.json ? JSON.stringify(incidents, null, 2) : incidentsTable(incidents));
    },
    { readOnly: true },
  );
}

export async function exportCommand(
  opts: { format: ExportFormat; out: string; since?: string; until?: string; json?: boolean; tlp?: string },
  cmd: Command,
): Promise<void> {
  const ctx = ctxOf(cmd);
  await withStore(
    ctx,
    async (store) => {
      const r = await exportDataset(store, { ...opts, now: ctx.clock.now().toISOString() });
      ctx.log.info(
        `export ${opts.format}: ${r.dir} (${Object.entries(r.rows)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')})`,
      );
      if (opts.json) emit(JSON.stringify({ format: opts.format, dir: r.dir, rows: r.rows }, null, 2));
    },
    { readOnly: true },
  );
}

export async function sourcesStatusCommand(opts: { json?: boolean }, cmd: Command): Promise<void> {
  const ctx = ctxOf(cmd);
  await withStore(
    ctx,
    async (store) => {
      const rows = await sourcesStatus(store);
      if (opts.json) {
        emit(JSON.stringify(rows, null, 2));
        return;
      }
      // a terminal table: a server's error text must not drive the terminal
      for (const r of rows) {
        emit(
          `${r.id}\t${r.enabled ? 'enabled' : 'disabled'}\tlast success ${r.last_success ?? 'never'}\t` +
            `items ${r.items_last_run ?? 0}\tfailures ${r.consecutive_failures ?? 0}` +
            (r.last_error_reason ? `\t${r.last_error_reason}: ${escapeControls(String(r.last_error))}` : ''),
        );
      }
    },
    { readOnly: true },
  );
}

export async function serveCommand(opts: { port: string; host: string; out: string }, cmd: Command): Promise<void> {
  const ctx = ctxOf(cmd);
  const port = toNumber('--port', opts.port);
  if (port === undefined || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`--port must be 0-65535, got "${opts.port}"`);
  if (!/^(127\.\d+\.\d+\.\d+|localhost|::1)$/.test(opts.host))
    ctx.log.warn(`serving on ${opts.host}: other machines can reach this page`);
  // serve never holds the database itself: it reads the published snapshot and follows each new one
  const reader = await SnapshotReader.open(
    ctx.db,
    (path) => Store.open(path, { readOnly: true, uncached: true }),
    async () => {
      const writer = await Store.open(ctx.db);
      try {
        await publishSnapshot(writer);
      } finally {
        writer.close();
      }
    },
    ctx.log,
  );
  const server = await startServer({ reader, host: opts.host, port, log: ctx.log, alertsDir: opts.out });
  ctx.log.info(`triage serve: ${server.url}/ (read-only ${ctx.db}; Ctrl-C stops)`);
  await new Promise<void>((done) => {
    const stop = () => {
      void server.close().then(() => {
        reader.close();
        done();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
