// Alert webhooks: each alert POSTed as JSON, signed with HMAC-SHA256 of the body (header X-Triage-Signature:
// sha256=<hex>), retried with backoff; the dispatcher handed in is the fetcher's guarded one, so a webhook on a
// private or loopback address is refused unless the catalogue's allow_private covers it.
import { createHmac } from 'node:crypto';
import { request, type Dispatcher } from 'undici';
import { describe } from '../../core/errors.ts';

export interface WebhookTarget {
  url: string;
  secret: string;
}

export interface WebhookDeps {
  dispatcher: Dispatcher;
  sleep: (ms: number) => Promise<void>;
  /** attempts per alert and the first backoff (doubled each time) */
  attempts?: number;
  backoffMs?: number;
}

export const signature = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** POSTs one alert; resolves with the attempts made, or rejects with the last error after the last attempt. */
export async function postAlert(
  deps: WebhookDeps,
  target: WebhookTarget,
  alertId: string,
  body: string,
): Promise<number> {
  const attempts = deps.attempts ?? 4;
  let last = '';
  for (let n = 1; n <= attempts; n++) {
    try {
      const res = await request(target.url, {
        method: 'POST',
        dispatcher: deps.dispatcher,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Triage alerts',
          'x-triage-alert-id': alertId,
          'x-triage-signature': signature(target.secret, body),
        },
        body,
        headersTimeout: 15_000,
        bodyTimeout: 15_000,
      });
      await res.body.dump();
      if (res.statusCode >= 200 && res.statusCode < 300) return n;
      last = `HTTP ${res.statusCode}`;
      // a 4xx other than 408/429 will not change on a retry
      if (res.statusCode < 500 && res.statusCode !== 408 && res.statusCode !== 429) break;
    } catch (err) {
      last = describe(err);
    }
    if (n < attempts) await deps.sleep((deps.backoffMs ?? 500) * 2 ** (n - 1));
  }
  throw new Error(last || 'not delivered');
}
