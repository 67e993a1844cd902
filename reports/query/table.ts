// Plain renderings of incident lists for a terminal and for CSV (through the one CSV writer, core/csv.ts).
import type { Incident } from '../../core/records.ts';
import { toCsv } from '../../core/csv.ts';
import { markSnippet, type Snippet } from './snippets.ts';

const COLUMNS: [string, (i: Incident) => string][] = [
  ['date', (i) => i.attack_date ?? i.first_reported ?? ''],
  ['victim', (i) => i.victim],
  ['country', (i) => i.country ?? ''],
  ['sector', (i) => i.sector],
  ['actor', (i) => i.actor ?? ''],
  ['status', (i) => i.status],
  [
    'ransom',
    (i) =>
      i.ransom
        .map((r) => r.as_written)
        .filter((v, k, a) => a.indexOf(v) === k)
        .join('; '),
  ],
  ['sources', (i) => String(i.sources.length)],
];

/** Strips control characters so untrusted text cannot drive the terminal. */
const safe = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');

export function incidentsTable(incidents: Incident[]): string {
  const rows = [COLUMNS.map(([h]) => h), ...incidents.map((i) => COLUMNS.map(([, f]) => safe(f(i))))];
  const widths = COLUMNS.map((_, c) => Math.min(40, Math.max(...rows.map((r) => r[c].length))));
  const cut = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cut(cell, widths[c]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function incidentsCsv(incidents: Incident[]): string {
  const header = [...COLUMNS.map(([h]) => h), 'incident_id', 'source_urls'];
  const rows = incidents.map((i) => [
    ...COLUMNS.map(([, f]) => f(i)),
    i.incident_id,
    i.sources.map((s) => s.url ?? s.file ?? '').join(' '),
  ]);
  // the source count is a number; every other column is text, neutralised when it starts like a formula
  return toCsv(
    header,
    rows,
    header.map((h) => h === 'sources'),
  );
}

/** Under the table of a --text query: each incident's snippet with its outlet, date and link. */
export function snippetLines(hits: (Incident & { snippets?: Snippet[] })[]): string {
  const out: string[] = [];
  for (const h of hits) {
    for (const s of h.snippets ?? []) {
      out.push(
        '',
        `${safe(h.victim)} — ${safe(s.outlet ?? 'unknown outlet')}, ${s.published ?? 'undated'}`,
        `  ${safe(markSnippet(s))}`,
      );
      if (s.url) out.push(`  ${safe(s.url)}`);
    }
  }
  return out.join('\n');
}
