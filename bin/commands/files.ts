// `triage clean` and `triage extract` over files: one JSON object per input line, in input order; a file that
// fails yields a line with `error` and the command goes on, exiting 3 at the end.
import type { Command } from 'commander';
import { ConfigError, EXIT, SkipError, messageFor } from '../../core/errors.ts';
import type { CleanArticle } from '../../core/records.ts';
import { readLocalFile } from '../../ingest/local.ts';
import { cleanFetchedPageAsync } from '../../ingest/clean/page.ts';
import { PROJECT } from '../../core/paths.ts';
import { ctxOf, emit } from './context.ts';

async function cleanFile(
  file: string,
  clock: ReturnType<typeof ctxOf>['clock'],
  published?: string,
): Promise<CleanArticle> {
  // PDF files arrive as plain text (readLocalFile extracts it); HTML in any charset, .html.gz and .txt as before.
  const page = await readLocalFile(file, { clock });
  if (published && !page.feed_published) page.feed_published = `${published}T00:00:00.000Z`;
  return cleanFetchedPageAsync(page);
}

/** A file that failed: one warning naming it once with the typed reason, and the fields of its error line. */
function failed(log: ReturnType<typeof ctxOf>['log'], file: string, err: unknown): { error: string; reason: string } {
  const reason = err instanceof SkipError ? err.reason : 'parse_error';
  const error = messageFor(err, file);
  log.warn(`${file}: ${reason}: ${error}`);
  return { error, reason };
}

const CLEAN_NULLS = {
  url: null,
  title: null,
  byline: null,
  published: null,
  modified: null,
  site_name: null,
  lang: null,
  canonical_url: null,
  text: null,
};

export async function cleanCommand(files: string[], _opts: unknown, cmd: Command): Promise<void> {
  const ctx = ctxOf(cmd);
  let failures = 0;
  for (const file of files) {
    try {
      const a = await cleanFile(file, ctx.clock);
      emit(
        JSON.stringify({
          file,
          url: a.url,
          title: a.title,
          byline: a.byline,
          published: a.published,
          modified: a.modified,
          site_name: a.site_name,
          lang: a.lang,
          canonical_url: a.canonical_url,
          text: a.text,
          error: null,
        }),
      );
    } catch (err) {
      failures++;
      emit(JSON.stringify({ file, ...CLEAN_NULLS, ...failed(ctx.log, file, err) }));
    }
  }
  if (failures) process.exitCode = EXIT.partial;
}

export async function extractCommand(files: string[], opts: { published?: string }, cmd: Command): Promise<void> {
  const ctx = ctxOf(cmd);
  // Loaded here, not at the top: `triage clean` needs neither the record schemas (zod) nor the extractor.
  const { isCalendarDate } = await import('../../core/records.ts');
  if (opts.published && !isCalendarDate(opts.published)) {
    throw new ConfigError(`--published must be YYYY-MM-DD, got "${opts.published}"`);
  }
  const { extract, loadReference } = await import('../../analyze/extract/index.ts');
  const { withPages } = await import('../../analyze/pages.ts');
  const reference = await loadReference(PROJECT.reference);
  let failures = 0;
  for (const file of files) {
    try {
      const article = await cleanFile(file, ctx.clock, opts.published);
      // a PDF's evidence cites its page; the report is read whole here (ingest splits long ones into sections)
      const { doc_id: _d, extractor_version: _v, ...x } = withPages(extract(article, reference), article);
      emit(JSON.stringify({ file, ...x }));
    } catch (err) {
      failures++;
      emit(
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
          ...failed(ctx.log, file, err),
        }),
      );
    }
  }
  if (failures) process.exitCode = EXIT.partial;
}
