// The demo's vendor research index (issue 20): an index page listing two HTML reports and one PDF, which the demo
// catalogue follows with its `links` selector; the PDF, written by demo/build/pdf.ts, reads back with its pages.
import { describe, expect, it } from 'vitest';
import { DEMO_DIR } from '../../demo/build/build.ts';
import { renderDemo } from '../../demo/build/render.ts';
import { parseIndexPage } from '../../ingest/feeds/index-page.ts';
import { readPdf } from '../../ingest/clean/pdf.ts';
import { parseSources } from '../../ingest/sources.ts';

const out = renderDemo(DEMO_DIR);
const HOST = 'research.sentinelgrid.example';

describe('demo research index', () => {
  const { sources } = parseSources(out.get('sources.yaml')!.toString('utf-8'), 'demo/sources.yaml');
  const source = sources.find((s) => s.id === 'sentinelgrid-research');

  it('is a page source with a links selector that picks the three reports and nothing else', () => {
    expect(source).toMatchObject({ kind: 'page', url: `https://${HOST}/research/` });
    const parsed = parseIndexPage({
      bytes: out.get(`sites/${HOST}/research/index.html`)!,
      url: source!.url,
      sourceId: source!.id,
      fetchedAt: '2022-12-20T00:00:00Z',
      links: source!.links!,
    });
    if (!parsed.ok) throw parsed.error;
    const links = parsed.items.map((i) => i.link.replace(`https://${HOST}`, ''));
    expect(links).toEqual([
      '/research/case-studies/nieuwe-haven-laboratoria-play-2022',
      '/research/reports/hospitals-under-pressure-h2-2022.pdf',
      '/research/case-studies/lake-charles-memorial-hive-2022',
    ]);
    expect(parsed.items.every((i) => i.published?.startsWith('2022-1'))).toBe(true);
  });

  it('keeps the indexed reports out of the feed', () => {
    const feed = out.get(`sites/${HOST}/atom.xml`)!.toString('utf-8');
    expect(feed).not.toContain('/research/');
  });

  it('serves a PDF whose title and date come from its first page, one incident per page', async () => {
    const pdf = out.get(`sites/${HOST}/research/reports/hospitals-under-pressure-h2-2022.pdf`)!;
    const read = await readPdf(pdf, 'demo.pdf');
    expect(read.title).toBeNull(); // no Title in the metadata: the first page gives it
    expect(read.firstPageTitle).toBe('Hospitals under pressure: four ransomware cases of 2022');
    expect(read.firstPageDate).toBe('2022-12-12T00:00:00Z');
    expect(read.pages).toBe(6);
    const pageOf = (s: string) => read.paragraphPages[read.paragraphs.findIndex((p) => p.startsWith(s))];
    expect(pageOf('The Centre Hospitalier Sud Francilien')).toBe(2);
    expect(pageOf('OakBend Medical Center in Richmond')).toBe(3);
    expect(pageOf('Karoo Pathology Laboratories in')).toBe(4);
    expect(pageOf('The All India Institute')).toBe(5);
  });
});
