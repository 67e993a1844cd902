// Journalists' incident queries: every filter is a SQL parameter, never pasted into the SQL text.
import type { DuckDBValue } from '@duckdb/node-api';
import { Incident } from '../../core/records.ts';
import { ConfigError } from '../../core/errors.ts';
import type { Store } from '../../data/store.ts';

export interface IncidentFilters {
  victim?: string; country?: string; actor?: string; type?: string; sector?: string; since?: string; until?: string;
  minRansomUsd?: number; text?: string; limit?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function buildIncidentQuery(f: IncidentFilters): { sql: string; params: DuckDBValue[] } {
  const where: string[] = [];
  const params: DuckDBValue[] = [];
  const add = (clause: string, ...values: DuckDBValue[]) => { where.push(clause); params.push(...values); };
  if (f.victim) add(`(victim ILIKE '%' || ? || '%' OR jaro_winkler_similarity(lower(victim), lower(?)) >= 0.88)`, f.victim, f.victim);
  if (f.country) add('country = ?', f.country.toUpperCase());
  if (f.actor) add(`lower(actor) = lower(?)`, f.actor);
  if (f.type) add('list_contains(attack_types, ?)', f.type);
  if (f.sector) add('sector = ?', f.sector);
  for (const [name, v] of [['since', f.since], ['until', f.until]] as const) {
    if (v && !DATE.test(v)) throw new ConfigError(`--${name} must be YYYY-MM-DD, got "${v}"`);
  }
  if (f.since) add('coalesce(attack_date, first_reported) >= ?::DATE', f.since);
  if (f.until) add('coalesce(attack_date, first_reported) <= ?::DATE', f.until);
  if (f.minRansomUsd !== undefined) add('ransom_demanded_usd >= ?', f.minRansomUsd);
  if (f.text) {
    const words = f.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    for (const w of words) add(`incident_id IN (SELECT s.incident_id FROM incident_sources s JOIN documents d USING (doc_id)
      WHERE lower(d.text) LIKE '%' || ? || '%')`, w);
  }
  const limit = Math.max(1, Math.min(f.limit ?? 50, 100000));
  const sql = `SELECT record FROM incidents ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY coalesce(attack_date, first_reported) DESC NULLS LAST, incident_id LIMIT ${limit}`;
  return { sql, params };
}

export async function queryIncidents(store: Store, f: IncidentFilters): Promise<Incident[]> {
  const { sql, params } = buildIncidentQuery(f);
  const rows = await store.all<{ record: string }>(sql, params);
  return rows.map((r) => Incident.parse(JSON.parse(r.record)));
}

/** Read-only SQL for researchers; the store is opened read-only, so writes fail inside DuckDB too. */
export async function readOnlySql(store: Store, sql: string): Promise<Record<string, unknown>[]> {
  if (!store.readOnly) throw new Error('readOnlySql needs a read-only store');
  try {
    return await store.all(sql);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/read-only|read only/i.test(msg)) throw new ConfigError(`refused: --sql runs on a read-only connection and this statement writes: ${msg.split('\n')[0]}`);
    throw new ConfigError(`SQL error: ${msg.split('\n')[0]}`);
  }
}
