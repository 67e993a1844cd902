import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { buildPeriodReport, choosePeriod, recordReportSnapshot, type BuiltReport } from '../../pipeline/report.ts';
import { reportJsonText } from '../../reports/weekly/index.ts';
import { renderPdf } from '../../reports/weekly/pdf.ts';
import { weekRange } from '../../reports/weekly/period.ts';
import { ConfigError, StopError } from '../../core/errors.ts';
import type { Store } from '../../store/store.ts';
import { ctxOf, out, withStore, type Ctx } from './context.ts';
import { assertOutFile, writeOutFile } from './out-file.ts';

interface ReportOpts {
  week?: string;
  month?: string;
  quarter?: string;
  from?: string;
  to?: string;
  tlp?: string;
  format: 'html' | 'md' | 'json' | 'pdf';
  out?: string;
  force?: boolean;
}

const TLP = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

/** 'amber' or 'TLP:AMBER' → 'TLP:AMBER' (TLP 2.0 labels); anything else is a usage error. */
export function tlpLabel(given: string | undefined): string {
  const bare = (given ?? 'CLEAR').trim().toUpperCase().replace(/^TLP:/, '');
  if (!TLP.includes(bare)) throw new ConfigError(`--tlp must be one of ${TLP.join(', ')}; got "${given}"`);
  return `TLP:${bare}`;
}

/**
 * Opens the database writable so the report's figures are kept for the next report's revisions; when
 * another process holds it, the report is still built read-only, without recording.
 */
async function build(ctx: Ctx, opts: ReportOpts): Promise<BuiltReport> {
  if (!existsSync(ctx.db))
    throw new ConfigError('no database yet: run `triage run --demo` or `triage ingest` first', ctx.db);
  const make = async (store: Store) => {
    const built = await buildPeriodReport(store, await choosePeriod(store, ctx.clock, opts), {
      tlp: tlpLabel(opts.tlp),
    });
    if (!store.readOnly) await recordReportSnapshot(store, built);
    return built;
  };
  try {
    return await withStore(ctx, make);
  } catch (err) {
    if (!(err instanceof StopError)) throw err;
    ctx.log.warn(`${err.message}; building the report read-only (not recorded for revisions)`);
    return withStore(ctx, make, { readOnly: true });
  }
}

export async function reportCommand(opts: ReportOpts, cmd: Command): Promise<void> {
  const ctx = ctxOf(cmd);
  if (opts.format === 'pdf' && !opts.out)
    throw new ConfigError('--format pdf needs --out PATH (a PDF is not written to stdout)');
  // 2022-W53 looks like a week but 2022 has only 52: a usage error, not an internal one.
  if (opts.week && /^\d{4}-W\d{2}$/.test(opts.week)) {
    try {
      weekRange(opts.week);
    } catch {
      throw new ConfigError(`--week: no such ISO week "${opts.week}"`);
    }
  }
  tlpLabel(opts.tlp);
  // refused before the report is built: the user learns at once, not after a PDF render
  if (opts.out) await assertOutFile(opts.out, !!opts.force);
  const built = await build(ctx, opts);
  const body =
    opts.format === 'html'
      ? built.html
      : opts.format === 'md'
        ? built.markdown
        : opts.format === 'json'
          ? reportJsonText(built.json)
          : await renderPdf(built.html);
  if (!opts.out) {
    out(body as string);
    return;
  }
  await writeOutFile(opts.out, body, !!opts.force);
  ctx.log.info(`report ${built.period.id}: ${opts.out}`);
}
