import type { Command } from 'commander';
import { loadSources } from '../../ingest/sources.ts';
import { createDispatcher, demoDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { startSiteServer } from '../../demo/server.ts';
import { loadReference } from '../../analyze/extract/index.ts';
import { watch } from '../../pipeline/watch.ts';
import { PROJECT } from '../../core/paths.ts';
import { ConfigError } from '../../core/errors.ts';
import { publishSnapshotKeepingLock } from '../../store/snapshot.ts';
import { sourcesStatus } from '../../store/ingest-state.ts';
import { ctxOf, withStore, type Ctx } from './context.ts';
import type { Store } from '../../store/store.ts';
import { describe } from '../../core/errors.ts';
import { alertsAfterRun, webhookTargets } from './alerts.ts';

export interface WatchOpts {
  sources?: string;
  out: string;
  demo?: boolean;
  maxCycles?: string;
}

export async function watchCommand(opts: WatchOpts, cmd: Command): Promise<void> {
  const ctx = ctxOf(cmd);
  const maxCycles = opts.maxCycles === undefined ? undefined : Number(opts.maxCycles);
  if (maxCycles !== undefined && !(Number.isInteger(maxCycles) && maxCycles >= 1))
    throw new ConfigError(`--max-cycles: expected a whole number of at least 1, got "${opts.maxCycles}"`);
  const catalogue = await loadSources(opts.sources ?? (opts.demo ? PROJECT.demoSources : PROJECT.defaultSources));
  const webhooks = webhookTargets(catalogue);
  // A stop (Ctrl-C, SIGTERM from systemd) lets the current item finish, then the watch ends and the lock goes.
  let stop = false;
  let wake: () => void = () => {};
  const onSignal = (sig: string) => {
    if (!stop) ctx.log.info(`watch: ${sig}: stopping after the current item`);
    stop = true;
    wake();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const server = opts.demo ? await startSiteServer(PROJECT.demoSites) : null;
  try {
    const guarded = createDispatcher({ allowPrivate: catalogue.allow_private });
    const dispatcher = server ? demoDispatcher(server.origin, guarded) : guarded;
    const reference = await loadReference(PROJECT.reference);
    await withStore(ctx, async (store) => {
      const lastPolled = new Map((await sourcesStatus(store)).map((s) => [s.id, s.last_polled]));
      ctx.log.info(
        `watch: ${catalogue.sources.filter((s) => s.enabled).length} sources from ` +
          `${opts.sources ?? (opts.demo ? 'the demo catalogue' : 'data/sources.yaml')}, database ${ctx.db} (held until the watch stops)`,
      );
      const r = await watch(
        {
          store,
          clock: ctx.clock,
          log: ctx.log,
          dispatcher,
          reference,
          fetcherOptions: server ? { hostDelayMs: 0, concurrency: 8 } : {},
          lastPolled,
          stopped: () => stop,
          sleep: (ms) =>
            new Promise<void>((done) => {
              const t = setTimeout(done, ms);
              wake = () => {
                clearTimeout(t);
                done();
              };
            }),
          afterCycle: async () => {
            const a = await alertsAfterRun(ctx, store, guarded, opts.out, webhooks, { quiet: true });
            // readers (query, serve) see each cycle's data through the published snapshot, the lock kept
            await publishKeepingLock(ctx, store);
            return webhooks.length ? `, ${a.delivered} alerts sent` : '';
          },
        },
        catalogue.sources,
        opts.out,
        { maxCycles },
      );
      ctx.log.info(`watch: stopped after ${r.cycles} cycle${r.cycles === 1 ? '' : 's'}; database released`);
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await server?.close();
  }
}

/** A failed snapshot costs readers only freshness: a warning. */
async function publishKeepingLock(ctx: Ctx, store: Store): Promise<void> {
  try {
    await publishSnapshotKeepingLock(store);
  } catch (err) {
    ctx.log.warn(`could not publish the read snapshot of ${ctx.db}: ${describe(err)}`);
  }
}
