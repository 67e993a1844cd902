// `triage show` and the search page list every field's evidence (outlet, date, quote, link) for the demo's AIIMS
// incident; snippets come from the passage naming the incident's victim and carry outlet, date and link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { memoryLogger } from '../../core/effects.ts';
import { Store } from '../../store/store.ts';
import { findIncident } from '../../reports/query/show.ts';
import { queryIncidents } from '../../reports/query/incidents.ts';
import { incidentPage } from '../../reports/serve/pages.ts';
import { startServer, type RunningServer } from '../../reports/serve/server.ts';
import { buildDemoDb, type DemoDb } from '../query/demo-db.ts';

const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));
const triage = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });

let demo: DemoDb;
let store: Store;
let server: RunningServer;

beforeAll(async () => {
  demo = await buildDemoDb();
  store = await Store.open(demo.path, { readOnly: true });
  server = await startServer({ store, port: 0, log: memoryLogger() });
});
afterAll(async () => {
  await server?.close();
  store?.close();
  await demo?.cleanup();
});

describe('show', () => {
  it('gives the AIIMS ransom, records and downtime each with outlet, date, quote and link', async () => {
    const s = await findIncident(store, 'AIIMS');
    expect(s.incident.victim).toBe('All India Institute of Medical Sciences');
    for (const field of ['ransom', 'records_affected', 'downtime_days']) {
      const list = s.evidence[field];
      expect(list.length, field).toBeGreaterThan(0);
      const cited = list.filter((e) => e.quote && e.outlet && e.published && e.link?.startsWith('https://'));
      expect(cited.length, field).toBeGreaterThan(0);
    }
    const crore = s.evidence.ransom.find((e) => e.quote?.includes('Rs 200 crore'));
    expect(crore?.outlet).toBe('India Morning Post');
    expect(crore?.sentence).toMatch(/All India Institute of Medical Sciences .*Rs 200 crore/);
    const records = s.evidence.records_affected.find((e) => (e.value as { count: number }).count === 40_000_000);
    expect(records?.quote).toMatch(/4 crore patients/);
    // downtime is stored without a quote: the sentence is found again, and it states that very number of days
    for (const e of s.evidence.downtime_days.filter((x) => x.quote)) expect(e.quote).toMatch(/day|week|hours/i);
    expect(s.evidence.downtime_days.some((e) => e.quote)).toBe(true);
    // a quote stands at its offsets in the document text
    for (const e of s.evidence.ransom.filter((x) => x.start !== null && !x.superseded)) {
      const doc = await store.one<{ text: string }>('SELECT text FROM documents WHERE doc_id = ?', [e.doc_id]);
      expect(doc!.text.slice(e.start!, e.end!)).toBe(e.quote);
    }
  });

  it('finds an incident by ID, name or acronym; an unknown one exits 2', async () => {
    const byName = await findIncident(store, 'All India Institute of Medical Sciences');
    const byId = await findIncident(store, byName.incident.incident_id);
    expect(byId.incident.incident_id).toBe(byName.incident.incident_id);
    const text = triage(['show', 'AIIMS', '--db', demo.path]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^ransom$/m);
    expect(text.stdout).toMatch(/Rs 200 crore \(demanded.*\) — India Morning Post, 2022-11-28/);
    expect(text.stdout).toMatch(/^records affected$/m);
    expect(text.stdout).toMatch(/^downtime days$/m);
    const json = JSON.parse(triage(['show', byName.incident.incident_id, '--json', '--db', demo.path]).stdout);
    expect(json.incident.incident_id).toBe(byName.incident.incident_id);
    expect(json.evidence.ransom[0]).toHaveProperty('link');
    const none = triage(['show', 'Nowhere General Hospital of Atlantis', '--db', demo.path]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no incident has the ID or victim/);
  });

  it('shows the same evidence on the search page, escaped', async () => {
    const s = await findIncident(store, 'AIIMS');
    const html = await (await fetch(`${server.url}/incident/${s.incident.incident_id}`)).text();
    expect(html).toContain('Evidence by field');
    for (const f of ['ransom', 'records affected', 'downtime days']) expect(html).toContain(`>${f}</th>`);
    expect(html).toContain('demanded around Rs 200 crore');
    const hostile = incidentPage(s.incident, {
      ransom: [{ ...s.evidence.ransom[0], outlet: '<script>x</script>', quote: '"><img src=x onerror=1>' }],
    });
    expect(hostile).not.toContain('<script>x');
    expect(hostile).not.toContain('<img src=x');
    expect(hostile).toContain('&lt;script&gt;');
  });
});

describe('snippets', () => {
  it('come from the passage naming the victim, with outlet, date and link', async () => {
    const hits = await queryIncidents(store, { text: 'ransomware hospital', limit: 50 });
    const withSnippets = hits.filter((h) => h.snippets?.length);
    expect(withSnippets.length).toBeGreaterThan(5);
    for (const h of withSnippets) {
      const s = h.snippets![0];
      expect(s.outlet, h.victim).toBeTruthy();
      expect(s.published, h.victim).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s.url, h.victim).toMatch(/^https:\/\//);
    }
    // the research roundup names several victims: each incident's snippet names its own
    const fromRoundup = withSnippets.filter((h) => h.snippets![0].url?.includes('healthcare-threat-review'));
    for (const h of fromRoundup) {
      const names = [h.victim, ...(h.history.victim ?? []).map((v) => String(v.value))];
      expect(
        names.some((n) => h.snippets![0].text.includes(n.slice(0, 12))),
        `${h.victim}: ${h.snippets![0].text}`,
      ).toBe(true);
    }
  });

  it('are printed with their links by query --text in a terminal table', () => {
    const r = triage(['query', '--text', 'crore cryptocurrency', '--limit', '3', '--db', demo.path]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /All India Institute of Medical Sciences — India Morning Post, 2022-11-\d\d\n {2}.*\*\*crore\*\*/,
    );
    expect(r.stdout).toMatch(/\n {2}https:\/\/www\.indiamorningpost\.example\//);
  });
});
