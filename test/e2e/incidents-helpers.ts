// Shared by the incident e2e tests: the demo labels, pairwise scoring of stored incidents, local-folder runs.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock, silentLogger } from '../../core/effects.ts';
import { readLocalDir } from '../../ingest/local.ts';
import { emptyStats } from '../../pipeline/ingest-stats.ts';
import { storePage } from '../support/store-page.ts';
import { analyze } from '../../pipeline/analyze.ts';
import type { Reference } from '../../analyze/extract/index.ts';
import type { Store } from '../../store/store.ts';

export interface LabelArticle {
  id: string;
  url: string;
  canonical_url: string;
  file: string;
  published: string;
  supersedes: string | null;
  syndicated_from: string | null;
  labels: { relevant: boolean; incidents: string[] };
}

const DEMO = new URL('../../demo/', import.meta.url);
export const LABELS: LabelArticle[] = JSON.parse(readFileSync(new URL('labels.json', DEMO), 'utf8')).articles;

/** Unordered pairs of items that share at least one group. */
function pairsOf(groups: Map<string, Set<string>>): Set<string> {
  const out = new Set<string>();
  for (const members of groups.values()) {
    const xs = [...members].sort();
    for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.add(`${xs[i]}|${xs[j]}`);
  }
  return out;
}

export interface Score {
  precision: number;
  recall: number;
  truthPairs: number;
  predPairs: number;
  keys: number;
  incidents: number;
}

/**
 * Pairwise precision and recall over documents (by canonical URL): two documents are a true pair when their
 * labels share an incident key, a predicted pair when the store links both to one incident. Versions of one
 * page share the canonical URL, so they are one document here as in the store.
 */
export async function scoreStored(store: Store): Promise<Score> {
  const truth = new Map<string, Set<string>>();
  for (const a of LABELS) {
    if (!a.labels.relevant) continue;
    for (const key of a.labels.incidents) truth.set(key, (truth.get(key) ?? new Set()).add(a.canonical_url));
  }
  const rows = await store.all<{ incident_id: string; url: string }>(
    `SELECT s.incident_id, coalesce(d.canonical_url, d.url) AS url FROM incident_sources s JOIN documents d USING (doc_id)`,
  );
  const pred = new Map<string, Set<string>>();
  // a long PDF report is stored as its sections (report.pdf#page=N): one labelled article, as in labels.json
  const article = (url: string) => url.replace(/#page=\d+(&section=\d+)?$/, '');
  for (const r of rows) pred.set(r.incident_id, (pred.get(r.incident_id) ?? new Set()).add(article(r.url)));
  const t = pairsOf(truth);
  const p = pairsOf(pred);
  const both = [...p].filter((x) => t.has(x)).length;
  return {
    precision: p.size ? both / p.size : 1,
    recall: t.size ? both / t.size : 1,
    truthPairs: t.size,
    predPairs: p.size,
    keys: truth.size,
    incidents: pred.size,
  };
}

/** Copies the demo article pages into a folder, named so that the folder's path order is the given order,
 * each with a sidecar giving its URL (as a researcher's archive would). */
export async function demoFolder(dir: string, order: LabelArticle[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  const width = String(order.length).length;
  for (const [i, a] of order.entries()) {
    const name = `${String(i).padStart(width, '0')}-${a.id}`;
    await copyFile(new URL(a.file, DEMO), join(dir, `${name}${a.file.endsWith('.pdf') ? '.pdf' : '.html'}`));
    await writeFile(join(dir, `${name}.meta.json`), JSON.stringify({ url: a.url }));
  }
  return dir;
}

/** `triage ingest --dir DIR` in process: read the folder in path order, store each page, analyze. */
export async function ingestFolder(store: Store, dir: string, reference: Reference) {
  const deps = { store, clock: fixedClock('2026-01-05T12:00:00Z'), log: silentLogger };
  const stats = emptyStats();
  for await (const page of readLocalDir(dir, { clock: deps.clock })) await storePage(deps, page, stats);
  const analyzed = await analyze({ ...deps, reference });
  return { stats, analyzed };
}
