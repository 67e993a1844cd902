// The threat report of one quarter that holds N incidents (default 100,000), each with a source document whose
// text names techniques, data and now and then a CVE: the whole read that `triage report --quarter` does (load the
// incidents and the texts, read the intelligence facts, build the figures, render HTML, Markdown and JSON).
// Standalone: node --import tsx bench/quarter-report.ts [--incidents 100000]; `npm run bench` runs it as a step.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idFrom } from '../core/hash.ts';
import { ATTACK_TYPES, SECTORS, type Incident } from '../core/records.ts';
import { readDocumentIntel } from '../pipeline/intel.ts';
import { buildPeriodReport, choosePeriod } from '../pipeline/report.ts';
import { reportJsonText } from '../reports/weekly/index.ts';
import { systemClock } from '../core/effects.ts';
import { Store } from '../store/store.ts';
import { INCIDENT_COLUMNS } from '../store/analysis.ts';
import { COUNTRIES, GROUPS, rng } from './query-db.ts';

// Sentences of our own, combined per document: each names a technique, a kind of data, or neither.
const SENTENCES = [
  'Staff said the intruders got in through a phishing e-mail sent to the billing office.',
  'Investigators said the attackers exploited a vulnerability in the hospital VPN gateway.',
  'The attackers used stolen credentials belonging to a contractor.',
  'Servers holding the scheduling system were encrypted overnight.',
  'The group said it had stolen patient records and insurance claim details.',
  'Employee payroll records were posted on the leak site.',
  'The attackers deleted backups before the encryption started.',
  'Clinics diverted ambulances while systems stayed offline.',
  'A distributed denial-of-service attack took the patient portal down for two days.',
  'The flaw, tracked as CVE-2023-34362, sits in a file-transfer product.',
];

export async function buildQuarterDb(store: Store, n: number): Promise<void> {
  const r = rng(7);
  const start = Date.UTC(2024, 3, 1); // 2024-Q2: 91 days
  for (let from = 0; from < n; from += 10_000) {
    const incidents: unknown[][] = [];
    const documents: unknown[][] = [];
    for (let k = from; k < Math.min(n, from + 10_000); k++) {
      const victim = `Quarter Health ${k} Clinic`;
      const day = new Date(start + Math.floor(r() * 91) * 86_400_000).toISOString().slice(0, 10);
      const id = idFrom('inc', victim);
      const docId = idFrom('doc', victim);
      const text = [0, 1, 2, 3].map(() => SENTENCES[Math.floor(r() * SENTENCES.length)]).join(' ');
      documents.push([docId, docId, `https://news.example/${k}`, 'Outlet', `${victim} hit`, day, text]);
      const sources = [
        {
          doc_id: docId,
          url: `https://news.example/${k}`,
          file: null,
          outlet: 'Outlet',
          title: `${victim} hit`,
          published: day,
        },
      ];
      const demanded = r() < 0.3 ? Math.round(r() * 20) * 250_000 : null;
      const country = COUNTRIES[Math.floor(r() * COUNTRIES.length)];
      const rec: Incident = {
        incident_id: id,
        victim,
        country,
        sector: SECTORS[Math.floor(r() * SECTORS.length)],
        actor: r() < 0.7 ? GROUPS[Math.floor(r() * GROUPS.length)] : null,
        attack_types: [ATTACK_TYPES[Math.floor(r() * ATTACK_TYPES.length)]],
        first_reported: day,
        attack_date: day,
        ransom: [],
        ransom_demanded_usd: demanded,
        ransom_paid_usd: null,
        records_affected: r() < 0.3 ? Math.floor(r() * 100_000) : null,
        downtime_days: null,
        status: r() < 0.5 ? 'confirmed-by-victim' : 'reported',
        sources,
        history: {},
      };
      incidents.push([
        id,
        victim,
        country,
        rec.sector,
        rec.actor,
        rec.attack_types,
        day,
        day,
        demanded,
        null,
        rec.records_affected,
        null,
        rec.status,
        1,
        rec,
      ]);
    }
    await store.upsert(
      'documents',
      ['doc_id', 'version_id', 'url', 'outlet', 'title', 'published', 'text'],
      documents as never,
    );
    await store.upsert('incidents', INCIDENT_COLUMNS, incidents as never);
  }
}

export const ROUNDS = 3;

/**
 * Seconds to build the quarter's report (all three renderings) from the store: the median of ROUNDS builds
 * (each a fresh read of the store), since the machine's other work moves a single run by seconds.
 */
export async function timeQuarterReport(
  dir: string,
  n: number,
): Promise<{ seconds: number; cpu_seconds: number; rounds: number[]; bytes: number }> {
  const store = await Store.open(join(dir, 'quarter.duckdb'));
  try {
    await buildQuarterDb(store, n);
    // analyze reads each text's intelligence facts once, as `triage analyze` does after resolving
    await readDocumentIntel(store);
    const runs: { s: number; cpu: number; bytes: number }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const built = await buildPeriodReport(store, await choosePeriod(store, systemClock, { quarter: '2024-Q2' }));
      const json = reportJsonText(built.json);
      const s = (performance.now() - t) / 1000;
      const used = process.cpuUsage(cpu);
      if (built.json.kpis.incidents !== n) throw new Error(`the quarter holds ${built.json.kpis.incidents}, not ${n}`);
      if (built.json.tables.techniques.length < 5) throw new Error('the intelligence facts were not read');
      runs.push({
        s,
        cpu: (used.user + used.system) / 1e6,
        bytes: built.html.length + built.markdown.length + json.length,
      });
    }
    const mid = [...runs].sort((a, b) => a.s - b.s)[Math.floor(ROUNDS / 2)];
    return { seconds: mid.s, cpu_seconds: mid.cpu, rounds: runs.map((r) => r.s), bytes: mid.bytes };
  } finally {
    store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--incidents');
  const n = i > 0 ? Number(process.argv[i + 1]) : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'triage-quarter-'));
  try {
    const r = await timeQuarterReport(dir, n);
    const cpu = r.cpu_seconds.toFixed(2);
    const all = r.rounds.map((x) => x.toFixed(2)).join(', ');
    console.log(
      `quarter report (${n} incidents): median ${r.seconds.toFixed(2)} s of ${all} (CPU ${cpu} s), ` +
        `${r.bytes} bytes (target < 5 s)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
