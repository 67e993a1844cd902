// The alert outbox: incident versions to announce (written with the incidents, in their transaction), the feeds'
// recent alerts, and each webhook's deliveries.
import { idFrom } from '../core/hash.ts';
import type { Store } from './store.ts';

export interface AlertVersion {
  incident_id: string;
  victim: string;
  /** the facts an alert is about (status, group, ransom figures, records …) */
  facts: Record<string, unknown>;
  /** a link for readers: the incident's latest source */
  link: string | null;
}

export interface AlertRow {
  alert_id: string;
  incident_id: string;
  version: string;
  kind: 'new' | 'changed';
  victim: string;
  facts: Record<string, unknown>;
  changes: { field: string; from: unknown; to: unknown }[];
  link: string | null;
  created_at: string;
}

const versionOf = (v: AlertVersion) => idFrom('ver', v.incident_id, JSON.stringify(v.facts));

/**
 * Compares each incident's facts with the version last alerted and queues an alert for each new incident and
 * each changed version. Runs inside the caller's transaction (the one that writes the incidents); returns the
 * number of alerts queued.
 */
export async function queueAlerts(store: Store, versions: AlertVersion[], at: string): Promise<number> {
  if (!versions.length) return 0;
  const known = new Map(
    (
      await store.all<{ incident_id: string; version: string; facts: string }>(
        'SELECT incident_id, version, facts::VARCHAR AS facts FROM alert_state WHERE list_contains(?, incident_id)',
        [versions.map((v) => v.incident_id) as never],
      )
    ).map((r) => [r.incident_id, r]),
  );
  const outbox: unknown[][] = [];
  const state: unknown[][] = [];
  for (const v of versions) {
    const version = versionOf(v);
    const before = known.get(v.incident_id);
    if (before?.version === version) continue;
    const old = before ? (JSON.parse(before.facts) as Record<string, unknown>) : null;
    const changes = old
      ? Object.keys({ ...old, ...v.facts })
          .filter((k) => JSON.stringify(old[k] ?? null) !== JSON.stringify(v.facts[k] ?? null))
          .map((k) => ({ field: k, from: old[k] ?? null, to: v.facts[k] ?? null }))
      : [];
    const alertId = idFrom('alert', v.incident_id, before?.version ?? '', version);
    outbox.push([alertId, v.incident_id, version, old ? 'changed' : 'new', v.victim, v.facts, changes, v.link, at]);
    state.push([v.incident_id, version, v.facts, at]);
  }
  await store.upsert(
    'alert_outbox',
    ['alert_id', 'incident_id', 'version', 'kind', 'victim', 'facts', 'changes', 'link', 'created_at'],
    outbox as never,
  );
  await store.upsert('alert_state', ['incident_id', 'version', 'facts', 'updated_at'], state as never);
  return outbox.length;
}

const SELECT = `SELECT alert_id, incident_id, version, kind, victim, facts::VARCHAR AS facts, changes::VARCHAR AS changes,
  link, strftime(created_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS created_at FROM alert_outbox`;

type Raw = Omit<AlertRow, 'facts' | 'changes'> & { facts: string; changes: string };
const parse = (r: Raw): AlertRow => ({ ...r, facts: JSON.parse(r.facts), changes: JSON.parse(r.changes ?? '[]') });

/** The latest alerts, newest first (the feeds). */
export async function recentAlerts(store: Store, limit: number): Promise<AlertRow[]> {
  const rows = await store.all<Raw>(`${SELECT} ORDER BY created_at DESC, alert_id LIMIT ${Math.trunc(limit)}`);
  return rows.map(parse);
}

/** Alerts a webhook has not received yet, oldest first. */
export async function pendingAlerts(store: Store, target: string): Promise<AlertRow[]> {
  const rows = await store.all<Raw>(
    `${SELECT} WHERE alert_id NOT IN (SELECT alert_id FROM alert_deliveries WHERE target = ? AND delivered_at IS NOT NULL)
    ORDER BY created_at, alert_id`,
    [target],
  );
  return rows.map(parse);
}

/** Records one delivery attempt's outcome: delivered (at) or not (error). */
export async function recordDelivery(
  store: Store,
  d: { alert_id: string; target: string; at: string | null; attempts: number; error: string | null },
): Promise<void> {
  await store.upsert('alert_deliveries', ['alert_id', 'target', 'delivered_at', 'attempts', 'last_error'], [
    [d.alert_id, d.target, d.at, d.attempts, d.error],
  ] as never);
}
