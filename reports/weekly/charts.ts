// Server-side charts: Observable Plot rendered into a linkedom document, serialised as inline SVG.
// Only fixed titles go into attributes; data labels end up in text nodes, which linkedom escapes.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { ATTACK_TYPES } from '../../core/records.ts';
import { mapOptions } from './charts-intel.ts';
import { intTicks } from './ticks.ts';
import { fmtDecimal, fmtInt, sectorLabel } from './format.ts';
import type { ReportJson } from './types.ts';

export interface Chart {
  id: string;
  title: string;
  svg: string | null;
}

const TYPE_COLORS = ['#c0392b', '#2e6fb7', '#e67e22', '#8e44ad', '#16a085', '#7f8c8d'];
const WIDTH = 640;
const ROW = 24;
// A fixed class keeps the markup stable even if Plot changes its default class hash.
const CLASS = 'triage-plot';

function doc(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/**
 * Cleans the rendered DOM before serialising: linkedom leaves < and > raw inside attribute values,
 * so they are replaced there (no tag-like text may survive anywhere), and coordinates are rounded
 * to 2 decimals (smaller files, no float noise in golden files). Text nodes are escaped on output.
 */
export function hardenElement(root: Element): void {
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const { name, value } of Array.from(el.attributes)) {
      const clean = value
        .replace(/[<>]/g, '')
        .replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
      if (clean !== value) el.setAttribute(name, clean);
    }
  }
}

function mapSvg(r: ReportJson): string | null {
  const options = mapOptions(r);
  return options ? render({ ...options, width: WIDTH }) : null;
}

function render(options: Plot.PlotOptions): string {
  // 12px text stays legible when the 640px chart is shown narrower on a phone.
  const el = Plot.plot({
    ...options,
    document: doc(),
    className: CLASS,
    width: options.width ?? WIDTH,
    style: { fontSize: '12px' },
  });
  hardenElement(el as unknown as Element);
  return (el as unknown as Element).outerHTML;
}

export function truncate(s: string, max = 44): string {
  const clean = s.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Labels must be unique on a band scale, or two victims would share one bar. */
function uniqueLabels(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const base = truncate(n);
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base} (${k})`;
  });
}

function leftMargin(labels: string[]): number {
  return Math.min(320, Math.max(60, 14 + 7 * Math.max(0, ...labels.map((l) => l.length))));
}

interface BarRow {
  label: string;
  now: number;
  window: number;
  note: string;
}

/**
 * Ranked horizontal bars over the trend window, the period's part drawn darker at the start of each
 * bar: a thin week still shows where it sits in the longer run.
 */
function hbar(rows: BarRow[], ariaLabel: string, xLabel: string, unit: string, format?: string): string | null {
  if (rows.length === 0 || rows.every((r) => r.window === 0)) return null;
  const labels = rows.map((r) => r.label);
  const parts = [`this ${unit}`, 'earlier in window'];
  const segments = rows
    .flatMap((r) => [
      { label: r.label, part: parts[0], value: r.now },
      { label: r.label, part: parts[1], value: Math.max(0, r.window - r.now) },
    ])
    .filter((s) => s.value > 0);
  return render({
    ariaLabel,
    height: 60 + rows.length * ROW,
    marginLeft: leftMargin(labels),
    marginRight: 110,
    x: {
      label: xLabel,
      grid: true,
      domain: [0, Math.max(...rows.map((r) => r.window))],
      tickFormat: format,
      ...(format ? { ticks: 5 } : { ticks: intTicks(Math.max(...rows.map((r) => r.window))), tickFormat: 'd' }),
    },
    y: { label: null, domain: labels },
    color: { domain: parts, range: ['#1f4e8c', '#a9c4e6'], legend: true },
    marks: [
      Plot.barX(segments, { x: 'value', y: 'label', fill: 'part', order: parts }),
      Plot.text(rows, { x: 'window', y: 'label', text: 'note', textAnchor: 'start', dx: 4 }),
      Plot.ruleX([0]),
    ],
  });
}

function trendChart(r: ReportJson): string | null {
  const weeks = r.series.trend.weeks;
  const stacked = weeks.flatMap((w) =>
    ATTACK_TYPES.filter((t) => w.by_type[t] > 0).map((t) => ({ week: w.week, type: t, n: w.by_type[t] })),
  );
  if (stacked.length === 0) return null;
  const top = Math.max(r.series.trend.threshold, ...weeks.map((w) => w.total));
  const label = `spike line: mean + 2 sd = ${fmtDecimal(r.series.trend.threshold)}`;
  return render({
    ariaLabel: 'Incidents per week by attack type',
    height: 320,
    marginTop: 30,
    marginBottom: 50,
    marginRight: 20,
    x: { label: null, domain: weeks.map((w) => w.week), tickFormat: (w: string) => w.slice(5), tickRotate: -45 },
    y: {
      label: 'Incidents',
      grid: true,
      domain: [0, Math.ceil(top)],
      ticks: intTicks(Math.ceil(top)),
      tickFormat: 'd',
    },
    color: { domain: [...ATTACK_TYPES], range: TYPE_COLORS, legend: true },
    marks: [
      Plot.barY(stacked, { x: 'week', y: 'n', fill: 'type', order: [...ATTACK_TYPES] }),
      Plot.barY(
        weeks.filter((w) => w.current),
        { x: 'week', y: 'total', fill: 'none', stroke: '#000', strokeWidth: 2 },
      ),
      Plot.text(
        weeks.filter((w) => w.spike),
        { x: 'week', y: 'total', text: () => '▲ spike', dy: -8, fill: '#c0392b' },
      ),
      Plot.ruleY([r.series.trend.threshold], { stroke: '#c0392b', strokeDasharray: '4,3' }),
      // the reference line carries its own label, at its right end
      Plot.text([r.series.trend.threshold], {
        x: () => weeks[weeks.length - 1].week,
        y: (d: number) => d,
        text: () => label,
        fill: '#c0392b',
        textAnchor: 'end',
        dy: -7,
      }),
      Plot.text(['outlined: this period'], {
        frameAnchor: 'top-right',
        dy: -22,
        text: (d: string) => d,
        textAnchor: 'end',
      }),
      Plot.ruleY([0]),
    ],
  });
}

const LOG_TICKS = [1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const usdShort = (n: number) => `$${new Intl.NumberFormat('en-US', { notation: 'compact' }).format(n)}`;

function ransomChart(r: ReportJson): string | null {
  const rows = r.tables.ransom;
  const labels = uniqueLabels(rows.map((x) => (x.disputed ? `${x.victim} (disputed)` : x.victim)));
  const kinds = ['demanded', 'paid', 'disputed'];
  const points = rows.flatMap((x, i) => [
    ...(x.demanded_usd !== null
      ? [{ label: labels[i], kind: x.disputed ? 'disputed' : 'demanded', usd: Math.max(1, x.demanded_usd) }]
      : []),
    ...(x.paid_usd !== null ? [{ label: labels[i], kind: 'paid', usd: Math.max(1, x.paid_usd) }] : []),
  ]);
  if (points.length === 0) return null;
  const lo = Math.min(...points.map((p) => p.usd));
  const hi = Math.max(...points.map((p) => p.usd));
  const ticks = LOG_TICKS.filter((t) => t >= lo / 10 && t <= hi * 10);
  return render({
    ariaLabel: 'Ransom demanded versus paid, in USD (log scale)',
    height: 60 + rows.length * ROW,
    marginLeft: leftMargin(labels),
    marginRight: 30,
    x: { type: 'log', label: 'USD (log scale)', grid: true, ticks, tickFormat: usdShort },
    y: { label: null, domain: labels },
    color: { domain: kinds, range: ['#c0392b', '#16a085', '#999999'], legend: true },
    symbol: { domain: kinds, range: ['circle', 'diamond', 'times'] },
    marks: [
      Plot.ruleY(points, Plot.groupY({ x1: 'min', x2: 'max' }, { y: 'label', x: 'usd', stroke: '#999' })),
      Plot.dot(points, { x: 'usd', y: 'label', fill: 'kind', stroke: 'kind', symbol: 'kind', r: 5 }),
    ],
  });
}

const compact = (n: number) =>
  new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n);

/** "5 (1 this week)": the window count, with the period's part when there is one. */
function note(window: string, now: number, nowText: string, unit: string): string {
  return now > 0 ? `${window} (${nowText} this ${unit})` : window;
}

export function buildCharts(r: ReportJson): Chart[] {
  const t = r.tables;
  const unit = r.period.unit;
  const weeks = `${r.series.trend.weeks.length} weeks`;
  const groupLabels = uniqueLabels(t.groups.map((g) => g.name)).map((l, i) => (t.groups[i].is_new ? `${l} (new)` : l));
  const count = (label: string, now: number, window: number) => ({
    label,
    now,
    window,
    note: note(fmtInt(window), now, fmtInt(now), unit),
  });
  return [
    { id: 'trend', title: `Incidents per week by attack type (${weeks})`, svg: trendChart(r) },
    {
      id: 'countries',
      title: `Top countries by incidents: this ${unit} and the ${weeks}`,
      svg: hbar(
        t.countries.map((c) => count(truncate(c.name), c.incidents, c.window_incidents)),
        'Top countries by incidents',
        'Incidents',
        unit,
      ),
    },
    {
      id: 'groups',
      title: `Top threat groups: this ${unit} and the ${weeks}`,
      svg: hbar(
        t.groups.map((g, i) => count(groupLabels[i], g.incidents, g.window_incidents)),
        'Top threat groups by incidents',
        'Incidents',
        unit,
      ),
    },
    {
      id: 'sectors',
      title: `Incidents by sub-sector: this ${unit} and the ${weeks}`,
      svg: hbar(
        t.sectors.map((s) => count(sectorLabel(s.sector), s.incidents, s.window_incidents)),
        'Incidents by sub-sector',
        'Incidents',
        unit,
      ),
    },
    {
      id: 'records',
      title: `Records affected by country: this ${unit} and the ${weeks}`,
      svg: hbar(
        t.records_by_country.map((c) => ({
          label: truncate(c.name),
          now: c.records,
          window: c.window_records,
          note: note(compact(c.window_records), c.records, compact(c.records), unit),
        })),
        'Records affected by country',
        'Records',
        unit,
        '~s',
      ),
    },
    { id: 'ransom', title: `Ransom demanded vs paid (USD, ${weeks}; disputed sums in grey)`, svg: ransomChart(r) },
    {
      id: 'data',
      title: `Kinds of data reported exposed: this ${unit} and the ${weeks}`,
      svg: hbar(
        t.data_exposed.map((d) => count(truncate(d.label), d.incidents, d.window_incidents)),
        'Kinds of data reported exposed',
        'Incidents',
        unit,
      ),
    },
    { id: 'map', title: `Where this ${unit}'s incidents were`, svg: mapSvg(r) },
  ];
}
