// Alerts on new incidents and changed facts: analyze queues one alert per incident version in the outbox (in the
// transaction that stores the incidents); publishAlerts writes the feeds from the outbox and delivers what each
// webhook has not received, marking each delivery, so every version alerts once, also after a crash.
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Clock, Logger } from '../core/effects.ts';
import type { Store } from '../store/store.ts';
import { pendingAlerts, recentAlerts, recordDelivery } from '../store/alerts.ts';
import { atomFeed, jsonFeed, webhookBody } from '../reports/alerts/feeds.ts';
import { postAlert, type WebhookDeps, type WebhookTarget } from '../reports/alerts/webhook.ts';
import { writeAtomic } from './run.ts';

/** Entries the feeds keep. */
export const FEED_SIZE = 200;

export interface AlertDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  /** how webhooks are reached: the guarded dispatcher, a sleep for backoff */
  webhook: WebhookDeps;
}

export interface AlertStats {
  feed_entries: number;
  delivered: number;
  undelivered: number;
  atom: string;
  json: string;
}

export async function publishAlerts(
  deps: AlertDeps,
  o: { outDir: string; webhooks: WebhookTarget[] },
): Promise<AlertStats> {
  const alerts = await recentAlerts(deps.store, FEED_SIZE);
  await mkdir(o.outDir, { recursive: true });
  const atom = join(o.outDir, 'alerts.atom');
  const json = join(o.outDir, 'alerts.json');
  await writeAtomic(atom, atomFeed(alerts, deps.clock.now().toISOString()));
  await writeAtomic(json, jsonFeed(alerts));
  let delivered = 0;
  let undelivered = 0;
  for (const target of o.webhooks) {
    const url = new URL(target.url);
    // the target as recorded: no query string or credentials (a token in the URL stays out of the store)
    const name = `${url.origin}${url.pathname}`;
    for (const a of await pendingAlerts(deps.store, name)) {
      try {
        const attempts = await postAlert(deps.webhook, target, a.alert_id, webhookBody(a));
        await recordDelivery(deps.store, {
          alert_id: a.alert_id,
          target: name,
          at: deps.clock.now().toISOString(),
          attempts,
          error: null,
        });
        delivered++;
      } catch (err) {
        undelivered++;
        const error = (err as Error).message;
        deps.log.warn(`webhook ${name}: alert ${a.alert_id} not delivered (next run retries): ${error}`);
        await recordDelivery(deps.store, { alert_id: a.alert_id, target: name, at: null, attempts: 0, error });
      }
    }
  }
  return { feed_entries: alerts.length, delivered, undelivered, atom, json };
}
