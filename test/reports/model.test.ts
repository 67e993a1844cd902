import { describe, expect, it } from 'vitest';
import type { Incident } from '../../core/records.ts';
import { buildReport, isoWeekOf, type ReportJson } from '../../reports/weekly/index.ts';
import { byVictim, fixtureInput, INCIDENTS, XSS_VICTIM } from '../fixtures/report-incidents/incidents.ts';

const json = (over = {}) => buildReport(fixtureInput(over)).json;
const dateOf = (i: Incident) => i.attack_date ?? i.first_reported;
const inWeek = (week: string) => INCIDENTS.filter((i) => dateOf(i) && isoWeekOf(dateOf(i)!) === week);

function at(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
}

describe('KPIs for 2022-W47', () => {
  const r = json();
  const week = inWeek('2022-W47');

  it('counts incidents by attack date, falling back to first reported', () => {
    expect(week).toHaveLength(8);
    expect(r.kpis.incidents).toBe(8);
    expect(week.map((i) => i.victim)).toContain('Southern Cross Health Fund'); // attack_date null
    expect(r.methodology.undated_excluded).toBe(1);
  });

  it('shows the change on the previous week when its base is at least 5', () => {
    expect(inWeek('2022-W46')).toHaveLength(5);
    expect(r.kpis.vs_previous).toEqual({ base: 5, pct: 60, suppressed: false, display: '+60.0% (base 5)' });
  });

  it('suppresses the change on the trailing 4-week mean when the mean is under 5', () => {
    const counts = ['2022-W43', '2022-W44', '2022-W45', '2022-W46'].map((w) => inWeek(w).length);
    expect(counts).toEqual([2, 3, 1, 5]);
    expect(r.kpis.vs_trailing_mean).toEqual({ base: 2.75, pct: null, suppressed: true, display: 'n/a (base < 5)' });
    expect(r.series.periods.map((p) => p.incidents)).toEqual([2, 3, 1, 5, 8]);
  });

  it('computes shares, records and the median ransom from known figures only', () => {
    expect(r.kpis.ransomware).toEqual({ count: 5, share: 0.625 });
    expect(r.kpis.countries_hit).toBe(7);
    expect(r.kpis.records_affected).toEqual({ total: 120_000 + 9_700_000 + 30_000, known: 3, of: 8 });
    // the disputed ₹200 crore (24.5M USD) is left out of the headline median
    expect(r.kpis.median_ransom_demanded_usd).toEqual({ value: 6_000_000, known: 2 });
    expect(r.kpis.ransom_paid).toEqual({ known: 1, total_usd: 500_000 });
  });

  it('suppresses the previous-week change when the previous week is under 5', () => {
    const k = json({ period: { kind: 'week', id: '2022-W46' } }).kpis;
    expect(k.incidents).toBe(5);
    expect(k.vs_previous).toMatchObject({ base: 1, pct: null, suppressed: true, display: 'n/a (base < 5)' });
  });

  it('computes month-over-month and the trailing mean for a month period', () => {
    const month = (m: string) => INCIDENTS.filter((i) => dateOf(i)?.startsWith(m)).length;
    const k = json({ period: { kind: 'month', id: '2022-11' } }).kpis;
    expect(k.incidents).toBe(month('2022-11'));
    expect(k.vs_previous.base).toBe(month('2022-10'));
    const trailing = (month('2022-07') + month('2022-08') + month('2022-09') + month('2022-10')) / 4;
    expect(k.vs_trailing_mean.base).toBe(trailing);
    expect(k.vs_trailing_mean.suppressed).toBe(false);
    expect(k.vs_trailing_mean.pct).toBe(Math.round(((month('2022-11') - trailing) / trailing) * 1000) / 10);
  });

  it('an empty period yields zeros and n/a, not NaN', () => {
    const e = json({ period: { kind: 'week', id: '2021-W10' } });
    expect(e.kpis.incidents).toBe(0);
    expect(e.kpis.ransomware.share).toBeNull();
    expect(e.kpis.median_ransom_demanded_usd.value).toBeNull();
    expect(JSON.stringify(e)).not.toMatch(/NaN|Infinity/);
    expect(e.findings.length).toBeGreaterThanOrEqual(3);
  });
});

describe('trend, tables and findings', () => {
  const r: ReportJson = json();

  it('covers the weeks back to the first dated incident, ending with the period, and flags only the spike', () => {
    const weeks = r.series.trend.weeks;
    expect(weeks).toHaveLength(20);
    expect(weeks[0].week).toBe('2022-W28');
    expect(r.series.trend).toMatchObject({ start: '2022-07-11', end: '2022-11-27' });
    expect(weeks[19]).toMatchObject({ week: '2022-W47', total: 8, current: true, spike: true });
    expect(weeks.filter((w) => w.spike).map((w) => w.week)).toEqual(['2022-W47']);
    const totals = weeks.map((w) => w.total);
    const mean = totals.reduce((a, b) => a + b) / 20;
    const sd = Math.sqrt(totals.reduce((a, t) => a + (t - mean) ** 2, 0) / 20);
    expect(r.series.trend.threshold).toBeCloseTo(mean + 2 * sd, 3);
    for (const w of weeks) expect(Object.values(w.by_type).reduce((a, b) => a + b)).toBe(w.total);
  });

  it('keeps the trend window between 16 and 52 weeks', () => {
    expect(json({ period: { kind: 'week', id: '2022-W30' } }).series.trend.weeks).toHaveLength(16);
    expect(json({ period: { kind: 'week', id: '2024-W10' } }).series.trend.weeks).toHaveLength(52);
    expect(json().methodology.trend_weeks).toBe(20);
  });

  it('ranks countries with period and window shares and marks groups first seen this period as new', () => {
    expect(r.tables.countries[0]).toEqual({
      code: 'US',
      name: 'United States',
      incidents: 2,
      share: 0.25,
      window_incidents: 12,
      window_share: 0.2857,
    });
    expect(r.tables.countries.reduce((a, c) => a + c.incidents, 0)).toBe(8);
    // this period's countries rank first, then the window's others by their window count
    const firstZero = r.tables.countries.findIndex((c) => c.incidents === 0);
    expect(r.tables.countries.slice(firstZero).every((c) => c.incidents === 0)).toBe(true);
    expect(r.tables.sectors.reduce((a, x) => a + x.window_incidents, 0)).toBe(
      r.series.trend.weeks.reduce((a, w) => a + w.total, 0),
    );
    const isNew = Object.fromEntries(r.tables.groups.filter((g) => g.incidents > 0).map((g) => [g.name, g.is_new]));
    expect(isNew).toEqual({
      BianLian: true,
      Royal: true,
      Daixin: false,
      KillNet: false,
      LockBit: false,
      'Vice Society': false,
    });
    expect(r.tables.unattributed).toBe(2);
  });

  it('tops up a thin period with the latest earlier incidents, up to 15', () => {
    const notable = r.tables.notable;
    expect(notable).toHaveLength(15);
    expect(notable.filter((n) => !n.earlier)).toHaveLength(8);
    expect(notable.slice(8).every((n) => n.earlier && n.date < '2022-11-21')).toBe(true);
    expect(notable[8].victim).toBe('Ospedali Riuniti del Nord');
  });

  it('never links a non-http source URL', () => {
    const row = r.tables.notable.find((n) => n.victim === XSS_VICTIM)!;
    expect(row.sources).toMatchObject([{ label: '<b>Evil</b> Outlet', href: null }]);
  });

  it('lists revisions with victim names and stable value text', () => {
    const rev = r.tables.revisions!;
    expect(rev).toHaveLength(3);
    expect(rev.find((x) => x.field === 'records_affected')).toMatchObject({
      victim: 'Heartland Regional Medical Center',
      old: '—',
      new: '48000',
    });
    expect(json({ revisions: undefined }).tables.revisions).toBeNull();
    expect(byVictim('Heartland Regional Medical Center').records_affected).toBeNull();
  });

  it('has 3–6 findings, each tied to the figure it quotes', () => {
    expect(r.findings.length).toBeGreaterThanOrEqual(3);
    expect(r.findings.length).toBeLessThanOrEqual(6);
    for (const f of r.findings) expect(at(r, f.figure)).toEqual(f.value);
    expect(r.findings.map((f) => f.id)).toContain('spike');
  });
});

describe('disputed sums and repeated claims', () => {
  it('never puts a disputed sum in a headline figure, and lists one claim once however often it is repeated', async () => {
    const { fixtureInput: input, byVictim } = await import('../fixtures/report-incidents/incidents.ts');
    const { buildReport } = await import('../../reports/weekly/index.ts');
    const base = byVictim('Lakeside Diagnostics Lab');
    const claim = base.ransom[0];
    // the same $50M demand reported three times (two spellings), one report saying the police deny it,
    // and a $500k payment reported twice
    const disputedBig = { ...claim, amount: 50_000_000, usd: 50_000_000, as_written: '$50 million' };
    const hostile = {
      ...base,
      ransom_demanded_usd: 50_000_000,
      ransom: [
        disputedBig,
        { ...disputedBig, as_written: '$50M' },
        { ...disputedBig, disputed: true },
        base.ransom[1],
        { ...base.ransom[1] },
      ],
    };
    const incidents = input().incidents.map((i) => (i.incident_id === base.incident_id ? hostile : i));
    const r = buildReport(input({ incidents })).json;
    const headline = JSON.stringify([r.kpis, r.summary, r.findings, r.tables.actors]);
    expect(headline).not.toMatch(/50,000,000|50000000|5e\+?7/);
    expect(r.kpis.median_ransom_demanded_usd.known).toBe(1); // only Valmont's undisputed $10M is left
    // listed, and marked, where the incident is listed
    const row = r.tables.ransom.find((x) => x.incident_id === base.incident_id)!;
    expect(row.disputed).toBe(true);
    // it ranks by its undisputed figure (the $500k payment), so it no longer heads the ransom chart
    expect(r.tables.ransom[0].disputed).toBe(false);
    const at = (v: string) => r.tables.ransom.findIndex((x) => x.victim === v);
    expect(at('Centre Hospitalier de Valmont')).toBeLessThan(at(base.victim));
    const notable = r.tables.notable.find((x) => x.incident_id === base.incident_id)!;
    expect(notable.ransom_as_written).toEqual(['demanded: $50 million (disputed)', 'paid: $500k']);
  });
});
