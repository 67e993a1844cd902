// The alert feeds: Atom (RFC 4287) and JSON Feed 1.1, rebuilt from the outbox's latest alerts on each run, so an
// alert appears once, keeps its ID and date, and a run with nothing new writes the same entries.
import type { AlertRow } from '../../store/alerts.ts';

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** XML text; control characters XML 1.0 forbids are dropped. */
const x = (s: unknown) =>
  String(s ?? '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => XML[c]);

const usd = (n: unknown) => (typeof n === 'number' ? `US$${Math.round(n).toLocaleString('en-US')}` : '—');
const LABELS: Record<string, string> = {
  status: 'status',
  actor: 'group',
  ransom_demanded_usd: 'ransom demanded',
  ransom_paid_usd: 'ransom paid',
  ransom_figures: 'ransom figures',
  records_affected: 'records affected',
  attack_types: 'attack types',
};
const shown = (field: string, v: unknown) =>
  v === null || v === undefined
    ? '—'
    : field.startsWith('ransom_') && field.endsWith('_usd')
      ? usd(v)
      : Array.isArray(v)
        ? v.join(', ') || '—'
        : typeof v === 'number'
          ? v.toLocaleString('en-US')
          : String(v);

export function alertTitle(a: AlertRow): string {
  if (a.kind === 'new') return `New incident: ${a.victim}`;
  return `${a.victim}: ${a.changes.map((c) => LABELS[c.field] ?? c.field).join(', ')} changed`;
}

export function alertText(a: AlertRow): string {
  const f = a.facts;
  if (a.kind === 'changed') {
    return a.changes
      .map((c) => `${LABELS[c.field] ?? c.field}: ${shown(c.field, c.from)} → ${shown(c.field, c.to)}`)
      .join('; ');
  }
  return Object.keys(LABELS)
    .filter((k) => f[k] !== null && f[k] !== undefined && !(Array.isArray(f[k]) && !(f[k] as unknown[]).length))
    .map((k) => `${LABELS[k]}: ${shown(k, f[k])}`)
    .join('; ');
}

export function atomFeed(alerts: AlertRow[], now: string): string {
  const updated = alerts[0]?.created_at ?? now;
  const entries = alerts.map(
    (a) => `<entry>
<id>urn:triage:alert:${x(a.alert_id)}</id>
<title>${x(alertTitle(a))}</title>
<updated>${x(a.created_at)}</updated>
${a.link && /^https?:\/\//i.test(a.link) ? `<link rel="related" href="${x(a.link)}"/>\n` : ''}<category term="${x(a.kind)}"/>
<summary>${x(alertText(a))}</summary>
<content type="text">${x(JSON.stringify({ incident_id: a.incident_id, kind: a.kind, facts: a.facts, changes: a.changes }))}</content>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>urn:triage:alerts</id>
<title>Triage alerts: new and changed healthcare cyber-incidents</title>
<updated>${x(updated)}</updated>
<author><name>Triage</name></author>
${entries.join('\n')}
</feed>
`;
}

export function jsonFeed(alerts: AlertRow[]): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Triage alerts: new and changed healthcare cyber-incidents',
      items: alerts.map((a) => ({
        id: a.alert_id,
        title: alertTitle(a),
        content_text: alertText(a),
        date_published: a.created_at,
        ...(a.link && /^https?:\/\//i.test(a.link) ? { external_url: a.link } : {}),
        tags: [a.kind],
        _triage: { incident_id: a.incident_id, version: a.version, kind: a.kind, facts: a.facts, changes: a.changes },
      })),
    },
    null,
    2,
  )}\n`;
}

/** The JSON a webhook receives for one alert (the body its HMAC signs). */
export function webhookBody(a: AlertRow): string {
  return JSON.stringify({
    alert_id: a.alert_id,
    kind: a.kind,
    incident_id: a.incident_id,
    victim: a.victim,
    title: alertTitle(a),
    text: alertText(a),
    facts: a.facts,
    changes: a.changes,
    link: a.link,
    created_at: a.created_at,
  });
}
