// Wiring of the alert publisher for `run` and `watch`: webhook secrets from the environment, the fetcher's
// guarded dispatcher (allow_private of the catalogue), a real sleep for backoff.
import type { Dispatcher } from 'undici';
import { ConfigError } from '../../core/errors.ts';
import type { SourcesFile } from '../../ingest/sources.ts';
import type { WebhookTarget } from '../../reports/alerts/webhook.ts';
import { publishAlerts, type AlertStats } from '../../pipeline/alerts.ts';
import type { Store } from '../../store/store.ts';
import type { Ctx } from './context.ts';

/** The catalogue's webhooks with their secrets; a secret missing from the environment is a usage error. */
export function webhookTargets(catalogue: SourcesFile): WebhookTarget[] {
  return (catalogue.webhooks ?? []).map((w) => {
    const secret = process.env[w.secret_env];
    if (!secret)
      throw new ConfigError(`webhook ${w.url}: environment variable ${w.secret_env} (its secret) is not set`);
    return { url: w.url, secret };
  });
}

export async function alertsAfterRun(
  ctx: Ctx,
  store: Store,
  dispatcher: Dispatcher,
  outDir: string,
  webhooks: WebhookTarget[],
  o: { quiet?: boolean } = {},
): Promise<AlertStats> {
  // Fault injection for the crash test: dies (kill -9) after the incidents and their alerts are stored and before
  // any alert is written or sent, the moment the outbox exists for.
  if (process.env.TRIAGE_FAULT === 'kill-before-alerts') process.kill(process.pid, 'SIGKILL');
  const s = await publishAlerts(
    {
      store,
      clock: ctx.clock,
      log: ctx.log,
      webhook: { dispatcher, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
    },
    { outDir, webhooks },
  );
  (o.quiet ? ctx.log.debug : ctx.log.info).call(
    ctx.log,
    `alerts: ${s.feed_entries} in ${s.atom} and ${s.json}` +
      (webhooks.length ? `; webhooks: ${s.delivered} delivered, ${s.undelivered} to retry` : ''),
  );
  return s;
}
