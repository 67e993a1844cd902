// The search site's read-only API: /api/incidents (the filters of `triage query`, JSON or CSV, paged) and
// /api/incidents/ID (one incident with the evidence of every field). Answered behind the same host check, CSP and
// headers as the pages (server.ts).
import { ConfigError } from '../../core/errors.ts';
import type { Store } from '../../store/store.ts';
import { checkActor, checkFilters } from '../query/filter-values.ts';
import { getIncident, hitJson, queryIncidents } from '../query/incidents.ts';
import { incidentEvidence } from '../query/evidence.ts';
import { incidentsCsv } from '../query/table.ts';
import { FIELDS, filtersOf, type Form } from './pages.ts';

export interface ApiAnswer {
  status: number;
  type: string;
  body: string;
  headers?: Record<string, string>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const json = (status: number, value: unknown, headers?: Record<string, string>): ApiAnswer => ({
  status,
  type: JSON_TYPE,
  body: `${JSON.stringify(value, null, 2)}\n`,
  headers,
});

export const MAX_PER_PAGE = 500;

/** A positive whole number parameter, or a usage error naming it. */
function whole(url: URL, name: string, fallback: number, max: number): number {
  const v = url.searchParams.get(name);
  if (v === null || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new ConfigError(`${name} must be a whole number 1–${max}`);
  return n;
}

/** The answer for an /api/ path, or null when the path is not the API's. */
export async function apiAnswer(store: Store, url: URL): Promise<ApiAnswer | null> {
  if (url.pathname === '/api/incidents' || url.pathname === '/api/incidents/') {
    try {
      return await list(store, url);
    } catch (err) {
      if (err instanceof ConfigError) return json(400, { error: err.message });
      throw err;
    }
  }
  const m = /^\/api\/incidents\/([A-Za-z0-9_-]{1,100})$/.exec(url.pathname);
  if (m) {
    const incident = await getIncident(store, m[1]);
    if (!incident) return json(404, { error: 'no incident with this ID' });
    return json(200, { incident, evidence: await incidentEvidence(store, incident) });
  }
  if (url.pathname.startsWith('/api/')) return json(404, { error: 'no such endpoint' });
  return null;
}

async function list(store: Store, url: URL): Promise<ApiAnswer> {
  const form: Form = {};
  for (const f of FIELDS) {
    const v = url.searchParams.get(f);
    if (v !== null) form[f] = v.slice(0, 500);
  }
  const format = url.searchParams.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new ConfigError('format must be json or csv');
  const page = whole(url, 'page', 1, 10_000);
  const perPage = whole(url, 'per_page', 50, MAX_PER_PAGE);
  const filters = checkFilters(filtersOf(form), { country: 'country', type: 'type', sector: 'sector' });
  if (filters.minRansomUsd !== undefined && !Number.isFinite(filters.minRansomUsd))
    throw new ConfigError('min_ransom_usd must be a number');
  await checkActor(store, filters.actor, 'actor');
  // one more than the page holds says whether a next page exists
  const hits = await queryIncidents(store, { ...filters, limit: page * perPage + 1 });
  const rows = hits.slice((page - 1) * perPage, page * perPage);
  const more = hits.length > page * perPage;
  const next = new URL(url.pathname + url.search, 'http://x');
  next.searchParams.set('page', String(page + 1));
  const nextPath = more ? `${next.pathname}${next.search}` : null;
  const headers: Record<string, string> = nextPath ? { link: `<${nextPath}>; rel="next"` } : {};
  if (format === 'csv') {
    return {
      status: 200,
      type: 'text/csv; charset=utf-8',
      body: incidentsCsv(rows),
      headers: { ...headers, 'content-disposition': 'attachment; filename="incidents.csv"' },
    };
  }
  return json(
    200,
    { page, per_page: perPage, count: rows.length, next: nextPath, incidents: rows.map(hitJson) },
    headers,
  );
}
