// Reads the demo corpus sources (demo/src/articles/*.md) into CleanArticles and label Extractions, for
// evaluating resolve against the hand-written incident keys.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contentHash } from '../../core/hash.ts';
import type { CleanArticle, Extraction } from '../../core/records.ts';

export const DEMO_DIR = join(import.meta.dirname, '../../demo/src/articles');
const NO_EVIDENCE = { quote: '', start: 0, end: 0 };

interface LabelVictim {
  name: string;
  canonical: string;
  country: string | null;
  sector: string;
}
interface Front {
  id: string;
  outlet: string;
  path: string;
  title: string;
  published: string;
  modified?: string;
  syndicated_from?: string;
  supersedes?: string;
  labels: {
    incidents: string[];
    relevant: boolean;
    attack_types: string[];
    victims: LabelVictim[];
    actors: { name: string; canonical: string }[];
    ransom: {
      kind: string;
      amount: number | null;
      currency: string;
      as_written: string;
      disputed: boolean;
      hedged: boolean;
    }[];
    payment_method: string | null;
    records_affected: { count: number; as_written: string } | null;
    attack_date: string | null;
    downtime_days: number | null;
    countries: string[];
  };
}

export interface DemoItem {
  front: Front;
  doc: CleanArticle;
  ext: Extraction;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

function parseFile(file: string): { front: Front; body: string } {
  const raw = readFileSync(file, 'utf-8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(raw);
  if (!m) throw new Error(`${file}: no front matter`);
  const front = parseYaml(m[1], { schema: 'core' }) as Front;
  return { front, body: m[2].trim() };
}

const urlOf = (f: Front) => `https://${f.outlet}.example${f.path}`;

function toExtraction(f: Front, nameAsCanonical: boolean): Extraction {
  const l = f.labels;
  return {
    doc_id: f.id,
    extractor_version: 'labels',
    relevant: l.relevant,
    relevance: l.relevant ? 1 : 0,
    attack_types: l.attack_types as Extraction['attack_types'],
    victims: l.victims.map((v) => ({
      name: v.name,
      canonical: nameAsCanonical ? v.name : v.canonical,
      country: v.country,
      sector: v.sector as Extraction['victims'][number]['sector'],
      evidence: NO_EVIDENCE,
    })),
    actors: l.actors.map((a) => ({ ...a, evidence: NO_EVIDENCE })),
    ransom: l.ransom.map((r) => ({
      ...r,
      kind: r.kind as 'demanded',
      usd: r.currency === 'USD' ? r.amount : null,
      usd_rate_date: null,
      evidence: NO_EVIDENCE,
    })),
    payment_method: l.payment_method,
    records_affected: l.records_affected ? { ...l.records_affected, evidence: NO_EVIDENCE } : null,
    attack_date: l.attack_date ? iso(l.attack_date).slice(0, 10) : null,
    published: iso(f.published).slice(0, 10),
    downtime_days: l.downtime_days,
    countries: l.countries,
  };
}

/** All demo articles. `nameAsCanonical` replaces the labelled canonical names by the names as written, so
 * that name normalisation, not the labeller, has to recognise the victim. */
export function loadDemo(nameAsCanonical = false): DemoItem[] {
  const parsed = readdirSync(DEMO_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseFile(join(DEMO_DIR, f)));
  const byId = new Map(parsed.map((p) => [p.front.id, p.front]));
  const supersededBy = new Map(parsed.filter((p) => p.front.supersedes).map((p) => [p.front.supersedes!, p.front.id]));
  const canonicalOf = (f: Front): string => {
    let cur = f;
    for (let n = supersededBy.get(cur.id); n && byId.has(n); n = supersededBy.get(cur.id)) cur = byId.get(n)!;
    return urlOf(cur);
  };
  return parsed.map(({ front, body }) => ({
    front,
    doc: {
      doc_id: front.id,
      content_hash: contentHash(body),
      url: urlOf(front),
      canonical_url: canonicalOf(front),
      file: null,
      title: front.title,
      byline: null,
      outlet: front.outlet,
      site_name: null,
      published: String(front.published),
      modified: front.modified ? String(front.modified) : null,
      lang: 'en',
      text: body,
      bytes_sha256: null,
      fetched_at: null,
      source_id: null,
    },
    ext: toExtraction(front, nameAsCanonical),
  }));
}
