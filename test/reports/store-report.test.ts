// The report read from a real DuckDB file: a hostile document title shown as text in real Chromium, and
// revisions since the previous report derived from report_snapshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Incident } from '../../core/records.ts';
import { Store } from '../../store/store.ts';
import { replaceIncidents } from '../../store/analysis.ts';
import { buildPeriodReport, recordReportSnapshot } from '../../pipeline/report.ts';
import { byVictim, INCIDENTS } from '../fixtures/report-incidents/incidents.ts';
import { checkPage } from './browser-checks.ts';

const HOSTILE_TITLE = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const HOSTILE_VICTIM = 'Lakeside Diagnostics Lab';
const W47 = { kind: 'week', id: '2022-W47' } as const;

let dir: string;
let store: Store;

/** The fixture incidents, with one source document of HOSTILE_VICTIM titled HOSTILE_TITLE. */
function incidents(patch: (i: Incident) => Incident = (i) => i): Incident[] {
  return INCIDENTS.map((i) =>
    patch(
      i.victim !== HOSTILE_VICTIM
        ? i
        : {
            ...i,
            sources: [
              ...i.sources,
              {
                doc_id: 'doc_hostile',
                url: 'https://hostile.example/post',
                file: null,
                outlet: 'Hostile Wire',
                title: HOSTILE_TITLE,
                published: '2022-11-27',
              },
            ],
          },
    ),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'triage-store-report-'));
  store = await Store.open(join(dir, 'triage.duckdb'));
  await store.upsert(
    'documents',
    ['doc_id', 'url', 'title', 'outlet', 'fetched_at'],
    [['doc_hostile', 'https://hostile.example/post', HOSTILE_TITLE, 'Hostile Wire', '2022-11-28T06:00:00Z']],
  );
  await replaceIncidents(store, incidents(), []);
});

afterAll(async () => {
  store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a hostile document title', () => {
  it('is escaped in HTML and Markdown', async () => {
    const r = await buildPeriodReport(store, W47);
    expect(r.html).not.toContain(HOSTILE_TITLE);
    expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(r.markdown).not.toContain(HOSTILE_TITLE);
  });

  it('shows as text in headless Chromium and fires no dialog', async () => {
    const r = await buildPeriodReport(store, W47);
    const file = join(dir, 'hostile.html');
    await writeFile(file, r.html);
    const page = await checkPage(file, 'hostile-title', [1024]);
    expect(page.dialogs).toEqual([]);
    expect(page.errors).toEqual([]);
    expect(page.text).toContain(HOSTILE_TITLE);
  });
});

describe('revisions since the previous report', () => {
  it('has none before any report was recorded, then lists field changes, additions and withdrawals', async () => {
    const first = await buildPeriodReport(store, { kind: 'week', id: '2022-W46' });
    expect(first.json.tables.revisions).toBeNull();
    expect(first.html).toContain('No earlier report is recorded');
    await recordReportSnapshot(store, first);

    const gone = byVictim('Toronto Westside Health').incident_id;
    const late: Incident = {
      ...byVictim('Cascade Valley Hospital'),
      incident_id: 'inc_late',
      victim: 'Late Report Clinic',
      attack_date: '2022-11-10',
      first_reported: '2022-11-29',
    };
    await replaceIncidents(
      store,
      [
        ...incidents((i) =>
          i.victim === 'Heartland Regional Medical Center'
            ? { ...i, records_affected: 52_000, status: 'confirmed-by-victim' }
            : i,
        ).filter((i) => i.incident_id !== gone),
        late,
      ],
      [],
    );

    const next = await buildPeriodReport(store, W47);
    await recordReportSnapshot(store, next);
    expect(next.json.tables.revisions_since).toBe('2022-W46');
    const rows = next.json.tables.revisions!.map((x) => [x.victim, x.field, x.old, x.new]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Heartland Regional Medical Center', 'records_affected', '—', '52000'],
        ['Heartland Regional Medical Center', 'status', 'claimed-by-group', 'confirmed-by-victim'],
        ['Late Report Clinic', 'incident', '—', 'added (dated 2022-11-10)'],
        ['Toronto Westside Health', 'incident', 'listed', 'withdrawn or merged'],
      ]),
    );
    expect(rows).toHaveLength(4);
    expect(next.html).toContain('Revisions since the previous report (2022-W46)');
    // rendering again from the same database gives the same bytes
    expect((await buildPeriodReport(store, W47)).html).toBe(next.html);
  });
});
