import type { Command } from 'commander';
import { resolve } from 'node:path';
import { loadSources } from '../../ingest/sources.ts';
import { createDispatcher, demoDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { startSiteServer } from '../../demo/server.ts';
import { loadReference } from '../../analyze/extract/index.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { PROJECT } from '../../core/paths.ts';
import { EXIT } from '../../core/errors.ts';
import { ctxOf, emit, withStore } from './context.ts';
import { progress } from '../../pipeline/progress.ts';
import { alertsAfterRun, webhookTargets } from './alerts.ts';

export async function runCommand(
  opts: { demo?: boolean; sources?: string; out: string; json?: boolean },
  cmd: Command,
): Promise<void> {
  const ctx = ctxOf(cmd);
  const started = Date.now();
  const server = opts.demo ? await startSiteServer(PROJECT.demoSites) : null;
  try {
    if (server) ctx.log.info(`demo: serving demo/sites at ${server.origin}`);
    const catalogue = await loadSources(opts.sources ?? (opts.demo ? PROJECT.demoSources : PROJECT.defaultSources));
    // The address guard admits only what the catalogue's allow_private covers (the demo lists 127.0.0.1/32).
    const guarded = createDispatcher({ allowPrivate: catalogue.allow_private });
    const dispatcher = server ? demoDispatcher(server.origin, guarded) : guarded;
    const reference = await loadReference(PROJECT.reference);
    const webhooks = webhookTargets(catalogue);
    const result = await withStore(ctx, async (store) => {
      const r = await runPipeline(
        {
          store,
          clock: ctx.clock,
          log: ctx.log,
          dispatcher,
          reference,
          // The demo server is ours and local: no need to space requests out.
          fetcherOptions: server ? { hostDelayMs: 0, concurrency: 8 } : {},
          progress,
        },
        catalogue.sources,
        opts.out,
      );
      return { ...r, alerts: await alertsAfterRun(ctx, store, guarded, opts.out, webhooks) };
    });
    const c = result.counts;
    ctx.log.info(
      `database ${resolve(ctx.db)}: ${c.documents} documents, ${c.facts} facts, ${c.incidents} incidents, ` +
        `${c.failures} failures`,
    );
    // one line per path: the log sink escapes a newline inside a message
    for (const file of result.report ? [result.report.html, result.report.markdown] : []) {
      ctx.log.info(`report ${result.report!.period}: ${resolve(file)}`);
    }
    ctx.log.info(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (result.ingest.failures > 0) process.exitCode = EXIT.partial;
    if (opts.json) {
      const report = result.report && {
        ...result.report,
        html: resolve(result.report.html),
        markdown: resolve(result.report.markdown),
      };
      emit(
        JSON.stringify(
          { ...result, report, database: resolve(ctx.db), exit_code: process.exitCode ?? EXIT.ok },
          null,
          2,
        ),
      );
    }
  } finally {
    await server?.close();
  }
}
