import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { hardenElement } from '../../reports/weekly/charts.ts';
import { escapeHtml, escapeMd, fmtUsd, mdUrl, safeHref } from '../../reports/weekly/format.ts';
import { buildReport } from '../../reports/weekly/index.ts';
import { fixtureInput } from '../fixtures/report-incidents/incidents.ts';

describe('format helpers', () => {
  it('allows only absolute http(s) hrefs', () => {
    expect(safeHref('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
    expect(safeHref('HTTP://A.example')).toBe('http://a.example/');
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
      '/relative',
      'file:///etc/passwd',
      null,
      '',
    ]) {
      expect(safeHref(bad), String(bad)).toBeNull();
    }
  });

  it('escapes HTML and Markdown metacharacters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeMd('a|b *c* [d](e) <f>\nnext')).toBe('a\\|b \\*c\\* \\[d\\](e) &lt;f&gt; next');
    expect(mdUrl('https://x.example/a (b)')).toBe('https://x.example/a%20%28b%29');
    expect(fmtUsd(1234567.6)).toBe('$1,234,568');
  });

  it('strips tag characters from SVG attributes and rounds coordinates', () => {
    const { document } = parseHTML(
      '<svg aria-label="<script>x</script>" x="1.23456"><text>&lt;b&gt; 1.23456</text></svg>',
    );
    const svg = document.querySelector('svg') as unknown as Element;
    hardenElement(svg);
    expect(svg.outerHTML).toBe('<svg aria-label="scriptx/script" x="1.23"><text>&lt;b&gt; 1.23456</text></svg>');
  });
});

describe('degenerate input', () => {
  it('renders an empty dataset without charts, NaN or crashes', () => {
    const r = buildReport(fixtureInput({ incidents: [], revisions: [] }));
    expect(r.json.kpis.incidents).toBe(0);
    expect(r.html).not.toMatch(/NaN|undefined|Infinity/);
    expect(r.markdown).not.toMatch(/NaN|undefined|Infinity/);
    expect((r.html.match(/No data for this chart\./g) ?? []).length).toBe(8);
    expect(r.json.findings.length).toBeGreaterThanOrEqual(3);
    expect(r.json.tables.revisions).toEqual([]);
  });

  it('rejects a malformed period id', () => {
    expect(() => buildReport(fixtureInput({ period: { kind: 'week', id: '2022-47' } }))).toThrow();
    expect(() => buildReport(fixtureInput({ period: { kind: 'month', id: '2022-W47' } }))).toThrow();
  });

  it('keeps snapshot text escaped even when it is not a date', () => {
    const r = buildReport(fixtureInput({ snapshotAt: '<x>' }));
    expect(r.html).not.toContain('<x>');
    expect(r.markdown).not.toContain('<x>');
  });
});
