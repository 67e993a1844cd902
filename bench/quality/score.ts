// Scoring extract() against the labelled demo sources (demo/src/articles/*.md); used by bench and tests.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CleanArticle, Extraction } from '../../core/records.ts';
import { fold } from '../../analyze/extract/text.ts';

export interface Labels {
  relevant: boolean;
  victims: { canonical: string }[];
  actors: { canonical: string; family?: string }[];
  ransom: { kind: string; amount: number | null; currency: string; disputed: boolean; hedged: boolean }[];
  records_affected: { count: number } | null;
  attack_date: string | null;
  downtime_days: number | null;
}
export interface LabelledArticle {
  id: string;
  article: CleanArticle;
  labels: Labels;
}

/** Read the article sources: front matter labels, body paragraphs joined by blank lines. */
export function loadDemoArticles(dir = 'demo/src/articles'): LabelledArticle[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(dir, f), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
      if (!m) throw new Error(`no front matter: ${f}`);
      const fm = parse(m[1]!) as Record<string, unknown>;
      const text = m[2]!
        .split(/\n\s*\n/)
        .map((p) => p.trim().replace(/^#{1,6}\s+/, ''))
        .filter(Boolean)
        .join('\n\n');
      const published = fm.published ? String(fm.published) : null;
      const article: CleanArticle = {
        doc_id: String(fm.id),
        content_hash: '',
        url: null,
        canonical_url: null,
        file: f,
        title: (fm.title as string) ?? null,
        byline: null,
        outlet: (fm.outlet as string) ?? null,
        site_name: null,
        published,
        modified: null,
        lang: 'en',
        text,
        bytes_sha256: null,
        fetched_at: null,
        source_id: null,
      };
      return { id: String(fm.id), article, labels: fm.labels as Labels };
    });
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface FieldScore extends Counts {
  p: number;
  r: number;
  f1: number;
}
export const FIELDS = [
  'relevance',
  'victims',
  'actors',
  'ransom',
  'disputed',
  'hedged',
  'attack_date',
  'records',
  'downtime',
] as const;
export type Field = (typeof FIELDS)[number];

const claimKey = (c: { kind: string; amount: number | null; currency: string }) =>
  `${c.kind}|${c.amount}|${c.currency}`;

/** Sets of expected and predicted keys per field, for one article. */
export function keysFor(x: Extraction | Labels, pred: boolean): Record<Field, string[]> {
  const rel = pred ? (x as Extraction).relevant : (x as Labels).relevant;
  const rec = x.records_affected ? [String(x.records_affected.count)] : [];
  return {
    relevance: rel ? ['relevant'] : [],
    victims: x.victims.map((v) => fold(v.canonical)),
    // (the demo labels name the group: its family when the text wrote an alias)
    actors: x.actors.map((a) => fold(a.family ?? a.canonical)),
    ransom: x.ransom.map(claimKey),
    disputed: x.ransom.filter((c) => c.disputed).map(claimKey),
    hedged: x.ransom.filter((c) => c.hedged).map(claimKey),
    attack_date: x.attack_date ? [x.attack_date] : [],
    records: rec,
    downtime: x.downtime_days !== null ? [String(x.downtime_days)] : [],
  };
}

export function compare(gold: string[], pred: string[]): Counts {
  const g = new Set(gold),
    p = new Set(pred);
  let tp = 0;
  for (const k of p) if (g.has(k)) tp++;
  return { tp, fp: p.size - tp, fn: g.size - tp };
}

export function finish(c: Counts): FieldScore {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { ...c, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export interface Miss {
  id: string;
  field: Field;
  gold: string[];
  pred: string[];
}

export function scoreAll(
  items: LabelledArticle[],
  run: (a: CleanArticle) => Extraction,
): { scores: Record<Field, FieldScore>; misses: Miss[] } {
  const totals = Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<Field, Counts>;
  const misses: Miss[] = [];
  for (const item of items) {
    const got = run(item.article);
    const gk = keysFor(item.labels, false),
      pk = keysFor(got, true);
    for (const f of FIELDS) {
      const c = compare(gk[f], pk[f]);
      totals[f].tp += c.tp;
      totals[f].fp += c.fp;
      totals[f].fn += c.fn;
      if (c.fp || c.fn) misses.push({ id: item.id, field: f, gold: gk[f], pred: pk[f] });
    }
  }
  const scores = Object.fromEntries(FIELDS.map((f) => [f, finish(totals[f])])) as Record<Field, FieldScore>;
  return { scores, misses };
}
