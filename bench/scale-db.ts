// A database of N synthetic incidents (no document texts) for timing the weekly report at scale: rows like
// analyze writes them (full JSON record with sources and history), through Store.upsert in batches.
import { idFrom } from '../core/hash.ts';
import { ATTACK_TYPES, SECTORS, type Incident } from '../core/records.ts';
import type { Store } from '../store/store.ts';
import { INCIDENT_COLUMNS } from '../store/analysis.ts';
import { COUNTRIES, GROUPS, rng } from './query-db.ts';

const COLUMNS = INCIDENT_COLUMNS;

/** Writes n incidents spread over 2019–2024; returns rows written per second through the Appender path. */
export async function buildIncidentDb(store: Store, n: number): Promise<number> {
  const r = rng(11);
  const started = performance.now();
  for (let start = 0; start < n; start += 10_000) {
    const rows: unknown[][] = [];
    for (let k = start; k < Math.min(n, start + 10_000); k++) {
      const victim = `Synthetic Health ${k} Hospital`;
      const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(r() * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
      const id = idFrom('inc', victim);
      const sources = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, j) => ({
        doc_id: idFrom('doc', victim, String(j)),
        url: `https://news${j}.example/${k}`,
        file: null,
        outlet: `Outlet ${j}`,
        title: `${victim} hit by cyberattack`,
        published: day,
      }));
      const ransom = r() < 0.4 ? Math.round(r() * 20) * 250_000 : null;
      const country = COUNTRIES[Math.floor(r() * COUNTRIES.length)];
      const rec: Incident = {
        incident_id: id,
        victim,
        country,
        sector: SECTORS[Math.floor(r() * SECTORS.length)],
        actor: GROUPS[Math.floor(r() * GROUPS.length)],
        attack_types: [ATTACK_TYPES[Math.floor(r() * ATTACK_TYPES.length)]],
        first_reported: day,
        attack_date: day,
        ransom: [],
        ransom_demanded_usd: ransom,
        ransom_paid_usd: null,
        records_affected: null,
        downtime_days: null,
        status: 'reported',
        sources,
        history: {
          victim: sources.map((s) => ({ value: victim, doc_id: s.doc_id, outlet: s.outlet, published: day })),
        } as never,
      };
      rows.push([
        id,
        victim,
        country,
        rec.sector,
        rec.actor,
        rec.attack_types,
        day,
        day,
        ransom,
        null,
        null,
        null,
        'reported',
        sources.length,
        rec,
      ]);
    }
    await store.upsert('incidents', COLUMNS, rows as never);
  }
  return n / ((performance.now() - started) / 1000);
}
