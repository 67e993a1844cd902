import { describe, expect, it } from 'vitest';
import { buildReport, CSP, reportJsonText } from '../../reports/weekly/index.ts';
import { fixtureInput, INCIDENTS, XSS_VICTIM } from '../fixtures/report-incidents/incidents.ts';

const report = buildReport(fixtureInput());
const { html, markdown } = report;

/** The chart figures, each cut out of the page by its id (a chart runs to the end of its section). */
function chartFigures(page: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of page.split('<figure id="chart-').slice(1)) {
    out.set(part.slice(0, part.indexOf('"')), part.slice(0, part.indexOf('</section>')));
  }
  return out;
}

describe('HTML charts', () => {
  it('has at least 6 chart SVGs, each with drawn marks', () => {
    const figures = chartFigures(html);
    expect([...figures.keys()].sort()).toEqual([
      'countries',
      'data',
      'groups',
      'map',
      'ransom',
      'records',
      'sectors',
      'trend',
    ]);
    for (const [id, fig] of figures) {
      const svg = /<svg [^>]*aria-label="[^"]+"[\s\S]*?<\/svg>/.exec(fig)?.[0];
      expect(svg, id).toBeDefined();
      const marks = svg!.match(/<(rect|path|circle)\b/g) ?? [];
      expect(marks.length, id).toBeGreaterThan(0);
    }
    expect((html.match(/<svg [^>]*aria-label=/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });

  it('draws one bar segment per non-zero week × type cell in the trend chart', () => {
    const trend = chartFigures(html).get('trend')!;
    const bars = /<g aria-label="bar">([\s\S]*?)<\/g>/.exec(trend)![1];
    const cells = report.json.series.trend.weeks.flatMap((w) => Object.values(w.by_type).filter((n) => n > 0));
    expect((bars.match(/<rect/g) ?? []).length).toBe(cells.length);
    expect(trend).toContain('▲ spike');
  });
});

describe('HTML page', () => {
  it('is self-contained with a strict CSP, viewport and print styles', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).toContain('name="viewport"');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/<[a-z]+\b[^>]*\ssrc=/i);
    // the only external URLs are source links in <a href>
    const urls = html.match(/https?:\/\/[^\s"<]+/g) ?? [];
    const hrefs = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(urls.filter((u) => !u.startsWith('http://www.w3.org/')).every((u) => hrefs.includes(u))).toBe(true);
  });

  it('escapes hostile text everywhere and never links javascript: URLs', () => {
    expect(html).not.toContain(XSS_VICTIM);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror=alert\(2\)>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&lt;b&gt;Evil&lt;/b&gt; Outlet');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<b>Evil</b>');
    expect(html).toContain('HTTP 503 &lt;html&gt;Service Unavailable&lt;/html&gt;');
  });

  it('shows suppressed changes as n/a and marks new groups and earlier incidents', () => {
    expect(html).toContain('<dd>n/a<span class="sub">base 2.75 (4-week mean) is under 5: not compared</span></dd>');
    expect(html).toContain('<dd>+60.0%<span class="sub">base 5 (2022-W46)</span></dd>');
    expect(html).toMatch(/Royal <span class="tag">new<\/span>/);
    expect((html.match(/<tr class="earlier">/g) ?? []).length).toBe(7);
  });

  it('uses header cells in every table', () => {
    const tables = html.match(/<table[\s\S]*?<\/table>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(9);
    for (const t of tables) expect(t).toMatch(/<th scope="col"/);
  });
});

describe('Markdown', () => {
  it('escapes hostile text and keeps table rows intact', () => {
    expect(markdown).not.toMatch(/<script|<img|<b>/i);
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdown).toContain('Rheinland Klinikum \\| Köln');
    expect(markdown).not.toContain('javascript:');
    const notable = markdown.split('**Notable incidents**')[1].split('\n\n')[1].split('\n');
    const header = notable[0].split(/(?<!\\)\|/).length;
    for (const line of notable.filter((l) => l.startsWith('|'))) expect(line.split(/(?<!\\)\|/).length).toBe(header);
  });

  it('carries the same KPI figures as the JSON', () => {
    expect(markdown).toContain('| Incidents this week | 8 |');
    expect(markdown).toContain('| Records affected | 9,850,000 | known for 3 of 8 incidents |');
    expect(markdown).toContain('| Median ransom demanded | $6,000,000 | n = 2 known |');
    expect(markdown).toContain('| vs trailing 4-week mean | n/a | base 2.75 (4-week mean) is under 5: not compared |');
  });
});

describe('determinism', () => {
  it('two builds are byte-identical', () => {
    const again = buildReport(fixtureInput());
    expect(again.html).toBe(html);
    expect(again.markdown).toBe(markdown);
    expect(reportJsonText(again.json)).toBe(reportJsonText(report.json));
  });

  it('does not depend on the order of incidents or sources', () => {
    const input = fixtureInput();
    const shuffled = buildReport({
      ...input,
      incidents: [...INCIDENTS].reverse(),
      sources: [...input.sources].reverse(),
    });
    expect(shuffled.html).toBe(html);
    expect(shuffled.markdown).toBe(markdown);
    expect(reportJsonText(shuffled.json)).toBe(reportJsonText(report.json));
  });

  it('JSON has a schema version and sorted keys', () => {
    expect(report.json.schema_version).toBe(2);
    expect(Object.keys(report.json)).toEqual([...Object.keys(report.json)].sort());
    expect(JSON.parse(reportJsonText(report.json))).toEqual(report.json);
  });
});
