// `triage sources check [--json]`: each enabled source fetched once with the real, guarded fetcher; one row each.
import type { Command } from 'commander';
import { ConfigError, EXIT } from '../../core/errors.ts';
import { escapeControls } from '../../core/safe-text.ts';
import { createDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { createFetcher } from '../../ingest/fetch/fetcher.ts';
import { loadSources } from '../../ingest/sources.ts';
import { checkSources } from '../../pipeline/sources-check.ts';
import { ctxOf, emit } from './context.ts';

export async function sourcesCheckCommand(
  opts: { json?: boolean; sources: string; delay?: string },
  cmd: Command,
): Promise<void> {
  const ctx = ctxOf(cmd);
  const delay = opts.delay === undefined ? undefined : Number(opts.delay);
  if (delay !== undefined && !(Number.isInteger(delay) && delay >= 0))
    throw new ConfigError(`--delay: expected milliseconds, got "${opts.delay}"`);
  const catalogue = await loadSources(opts.sources);
  const fetcher = createFetcher({
    dispatcher: createDispatcher({ allowPrivate: catalogue.allow_private }),
    clock: ctx.clock,
    logger: ctx.log,
    ...(delay === undefined ? {} : { hostDelayMs: delay }),
  });
  const rows = await checkSources({ fetcher, clock: ctx.clock }, catalogue.sources);
  if (opts.json) emit(JSON.stringify(rows, null, 2));
  else {
    // a terminal table: a server's error text must not drive the terminal
    for (const r of rows) {
      emit(
        [
          r.id,
          r.ok ? 'ok' : 'FAILED',
          r.status ?? '-',
          r.content_type ?? '-',
          `items ${r.items ?? '-'}`,
          `newest ${r.newest ?? '-'}`,
          ...(r.error_reason ? [`${r.error_reason}: ${r.error ?? ''}`] : []),
        ]
          .map((x) => escapeControls(String(x)))
          .join('\t'),
      );
    }
  }
  const failed = rows.filter((r) => !r.ok).length;
  ctx.log.info(`sources check: ${rows.length - failed} answered, ${failed} failed`);
  if (failed) process.exitCode = EXIT.partial;
}
