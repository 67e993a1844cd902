// Builders for hand-written resolve fixtures: small CleanArticle and Extraction objects.
import { contentHash } from '../../core/hash.ts';
import type { CleanArticle, Extraction, RansomClaim, Sector, Victim } from '../../core/records.ts';

const NO_EVIDENCE = { quote: '', start: 0, end: 0 };

export function article(doc_id: string, text: string, o: Partial<CleanArticle> = {}): CleanArticle {
  return {
    doc_id,
    content_hash: contentHash(text),
    url: `https://news.example/${doc_id}`,
    canonical_url: null,
    file: null,
    title: doc_id,
    byline: null,
    outlet: 'news',
    site_name: null,
    published: '2022-11-24T10:00:00Z',
    modified: null,
    lang: 'en',
    text,
    bytes_sha256: null,
    fetched_at: null,
    source_id: null,
    ...o,
  };
}

export function victim(
  name: string,
  country: string | null = 'IN',
  sector: Sector = 'hospital',
  canonical = name,
): Victim {
  return { name, canonical, country, sector, evidence: NO_EVIDENCE };
}

export function claim(o: Partial<Omit<RansomClaim, 'evidence'>> & { usd: number | null }): RansomClaim {
  return {
    kind: 'demanded',
    amount: o.usd,
    currency: 'USD',
    usd_rate_date: null,
    as_written: `$${o.usd}`,
    disputed: false,
    hedged: false,
    evidence: { quote: `q ${o.as_written ?? o.usd}`, start: 0, end: 1 },
    ...o,
  };
}

export function extraction(doc_id: string, victims: Victim[], o: Partial<Extraction> = {}): Extraction {
  return {
    doc_id,
    extractor_version: 'test-1',
    relevant: true,
    relevance: 1,
    attack_types: ['ransomware'],
    victims,
    actors: [],
    ransom: [],
    payment_method: null,
    records_affected: null,
    attack_date: null,
    published: null,
    downtime_days: null,
    countries: [...new Set(victims.map((v) => v.country).filter((c) => c !== null))],
    ...o,
  };
}

export function actor(canonical: string) {
  return { name: canonical, canonical, evidence: NO_EVIDENCE };
}

export function records(count: number) {
  return { count, as_written: `${count} patients`, evidence: NO_EVIDENCE };
}

/** A story text of a few dozen words, distinct per topic: shingle sets of different topics barely overlap. */
export function story(topic: string, extra = ''): string {
  return [
    `Computer systems at ${topic} were hit by a cyberattack this week, officials said on Thursday.`,
    `Staff at ${topic} moved registration, billing and laboratory work to paper while engineers restored servers.`,
    `Police opened a case and national responders are assisting ${topic} with the investigation into the intrusion.`,
    `Patients were told to expect delays at ${topic} outpatient departments until further notice.`,
    extra,
  ]
    .join('\n\n')
    .trim();
}

/** Deterministic Fisher-Yates shuffle (mulberry32). */
export function shuffled<T>(xs: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
