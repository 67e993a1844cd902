// A synthetic Triage database for the query bench: documents with generated news-like text, incidents with
// sources, written through Store.upsert (the Appender), then indexed by the same updateSearchIndex as analyze.
import { idFrom } from '../core/hash.ts';
import { ATTACK_TYPES, SECTORS, type Incident } from '../core/records.ts';
import type { Store } from '../store/store.ts';
import { INCIDENT_COLUMNS } from '../store/analysis.ts';

/** A tiny seeded generator (mulberry32): the same database on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const COUNTRIES = ['US', 'GB', 'IN', 'DE', 'FR', 'AU', 'CA', 'BR', 'JP', 'ES', 'IT', 'NL', 'ZA', 'MX', 'KR'];
export const GROUPS = [
  'LockBit',
  'ALPHV',
  'Hive',
  'Royal',
  'Cl0p',
  'Vice Society',
  'BianLian',
  'Karakurt',
  'Play',
  'Rhysida',
  null,
];
const PLACES = [
  'Springfield',
  'Riverside',
  'Kochi',
  'Leeds',
  'Lyon',
  'Perth',
  'Osaka',
  'Porto',
  'Delhi',
  'Austin',
  'Bremen',
  'Turin',
];
const KINDS = [
  'General Hospital',
  'Medical Center',
  'Health System',
  'Diagnostics',
  'Family Clinic',
  'Pharma',
  'Heart Institute',
];
/** Common news words (in most articles), topic words (in a few), and a long Zipf tail of other words. */
const COMMON = (
  'hospital ransomware attack patients systems data network services police hackers ransom officials ' +
  'statement health restored'
).split(' ');
const TOPICS = (
  'crore cryptocurrency bitcoin ambulances diverted leak site stolen encrypted servers breach records outage ' +
  'emergency surgery cancelled radiology laboratory pharmacy insurance regulators forensic experts backup manual'
).split(' ');
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'tu',
  'ven',
  'sor',
  'pel',
  'dan',
  'ko',
  'ri',
  'sta',
  'mon',
  'gel',
  'fa',
  'zu',
];
const TAIL = Array.from({ length: 30000 }, (_, i) => {
  let w = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / 16)) w += SYLLABLES[n % 16];
  return w;
});

const pick = <T>(r: () => number, a: readonly T[]) => a[Math.floor(r() ** 1.6 * a.length)];
/** log-uniform rank: P(rank) ∝ 1/rank, as word frequencies in text roughly are */
const zipf = (r: () => number) => TAIL[Math.floor(Math.exp(r() * Math.log(TAIL.length))) - 1] ?? TAIL[0];

function article(r: () => number, victim: string): string {
  const n = 80 + Math.floor(r() * 160);
  const topics = Array.from({ length: 1 + Math.floor(r() * 3) }, () => TOPICS[Math.floor(r() * TOPICS.length)]);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    out.push(
      i % 25 === 0 ? victim : x < 0.3 ? pick(r, COMMON) : x < 0.36 ? topics[Math.floor(r() * topics.length)] : zipf(r),
    );
  }
  return out.join(' ');
}

export async function buildSyntheticDb(store: Store, docs: number, log: (s: string) => void): Promise<void> {
  const r = rng(7);
  const incidents = Math.round(docs / 4);
  const incRows: unknown[][] = [];
  const links: unknown[][] = [];
  const docRows: unknown[][] = [];
  for (let k = 0; k < incidents; k++) {
    const victim = `${pick(r, PLACES)} ${pick(r, KINDS)} ${k}`;
    const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(r() * 6 * 365) * 86400000).toISOString().slice(0, 10);
    const id = idFrom('inc', victim);
    const nDocs =
      k === incidents - 1
        ? docs - docRows.length
        : Math.max(1, Math.min(docs - docRows.length - (incidents - k - 1), 1 + Math.floor(r() * 6)));
    const sources = Array.from({ length: nDocs }, (_, j) => {
      const docId = idFrom('doc', victim, String(j));
      docRows.push([
        docId,
        idFrom('ver', docId),
        `https://news${j}.example/${k}`,
        `${victim} hit by cyberattack`,
        `Outlet ${j}`,
        `${day}T08:00:00Z`,
        article(r, victim),
      ]);
      links.push([id, docId]);
      return {
        doc_id: docId,
        url: `https://news${j}.example/${k}`,
        file: null,
        outlet: `Outlet ${j}`,
        title: `${victim} hit by cyberattack`,
        published: day,
      };
    });
    const ransom = r() < 0.4 ? Math.round(r() * 20) * 250_000 : null;
    const rec: Incident = {
      incident_id: id,
      victim,
      country: pick(r, COUNTRIES),
      sector: pick(r, SECTORS),
      actor: pick(r, GROUPS),
      attack_types: [pick(r, ATTACK_TYPES)],
      first_reported: day,
      attack_date: day,
      ransom: [],
      ransom_demanded_usd: ransom,
      ransom_paid_usd: null,
      records_affected: null,
      downtime_days: null,
      status: 'reported',
      sources,
      history: {},
    };
    incRows.push([
      id,
      victim,
      rec.country,
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
      nDocs,
      rec,
    ]);
  }
  log(`writing ${docRows.length} documents, ${incRows.length} incidents`);
  await store.upsert(
    'documents',
    ['doc_id', 'version_id', 'url', 'title', 'outlet', 'published', 'text'],
    docRows as never,
  );
  await store.upsert('incidents', INCIDENT_COLUMNS, incRows as never);
  await store.upsert('incident_sources', ['incident_id', 'doc_id'], links as never);
}
