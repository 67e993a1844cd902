// The read-only API of `triage serve`: /api/incidents with the query filters (JSON or CSV, paged) and
// /api/incidents/ID, behind the same host check and headers as the pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { memoryLogger } from '../../core/effects.ts';
import { Store } from '../../store/store.ts';
import { startServer, type RunningServer } from '../../reports/serve/server.ts';
import { queryIncidents } from '../../reports/query/incidents.ts';
import { buildDemoDb, type DemoDb } from '../query/demo-db.ts';

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

const get = (path: string) => fetch(`${server.url}${path}`);

describe('serve API', () => {
  it('lists incidents with the query filters, as JSON, paged', async () => {
    const r = await get('/api/incidents?country=India&type=ransomware&per_page=2');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const first = await r.json();
    const all = await queryIncidents(store, { country: 'IN', type: 'ransomware', limit: 100 });
    expect(all.length).toBeGreaterThan(2);
    expect(first.incidents.map((i: { incident_id: string }) => i.incident_id)).toEqual(
      all.slice(0, 2).map((i) => i.incident_id),
    );
    expect(first.next).toBe('/api/incidents?country=India&type=ransomware&per_page=2&page=2');
    expect(r.headers.get('link')).toBe(`<${first.next}>; rel="next"`);
    const ids: string[] = [];
    for (let path: string | null = '/api/incidents?country=IN&type=ransomware&per_page=2'; path; ) {
      const page = await (await get(path)).json();
      ids.push(...page.incidents.map((i: { incident_id: string }) => i.incident_id));
      path = page.next;
    }
    expect(ids).toEqual(all.map((i) => i.incident_id));
  });

  it('answers CSV with formulas neutralised, and text hits with snippets', async () => {
    const csv = await get('/api/incidents?format=csv&text=crore');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const body = await csv.text();
    expect(body.split('\n')[0]).toBe('date,victim,country,sector,actor,status,ransom,sources,incident_id,source_urls');
    expect(body).toContain('All India Institute of Medical Sciences');
    const json = await (await get('/api/incidents?text=crore&per_page=1')).json();
    expect(json.incidents[0].snippets[0]).toMatchObject({ outlet: expect.any(String), url: expect.any(String) });
  });

  it('gives one incident with its evidence, 404 for an unknown one, 400 for a wrong filter', async () => {
    const [aiims] = await queryIncidents(store, { victim: 'AIIMS', limit: 1 });
    const one = await (await get(`/api/incidents/${aiims.incident_id}`)).json();
    expect(one.incident.victim).toBe('All India Institute of Medical Sciences');
    expect(one.evidence.ransom.length).toBeGreaterThan(0);
    expect((await get('/api/incidents/inc_0000')).status).toBe(404);
    const bad = await get('/api/incidents?sector=hospitals');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/valid values: hospital, health-system/);
    expect((await get('/api/incidents?per_page=100000')).status).toBe(400);
    expect((await get('/api/incidents?format=xml')).status).toBe(400);
  });

  it('is read-only and answers only requests addressed to this host', async () => {
    expect((await fetch(`${server.url}/api/incidents`, { method: 'POST', body: '{}' })).status).toBe(405);
    const status = await new Promise<number>((done, fail) => {
      const u = new URL(`${server.url}/api/incidents`);
      request({ host: u.hostname, port: u.port, path: u.pathname, headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      })
        .on('error', fail)
        .end();
    });
    expect(status).toBe(421);
  });
});
