import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SkipError } from '../../core/errors.ts';
import { parseFeed, type FeedInput } from '../../ingest/feeds/parse.ts';
import { salvageFeed } from '../../ingest/feeds/salvage.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url)));
const input = (name: string, extra: Partial<FeedInput> = {}): FeedInput => ({
  bytes: fixture(name),
  url: 'https://www.fixturedesk.example/feed.xml',
  sourceId: 'fixture',
  fetchedAt: '2022-12-05T00:00:00Z',
  ...extra,
});

async function ok(i: FeedInput) {
  const out = await parseFeed(i);
  if (!out.ok) throw out.error;
  return out;
}

describe('parseFeed', () => {
  it('reads RSS 2.0: absolute links, UTC dates, plain summaries, duplicates by link removed', async () => {
    const feed = await ok(input('rss2.xml'));
    expect(feed.title).toBe('Fixture Health Desk');
    expect(feed.items.map((i) => i.guid)).toEqual(['fixture-0001', 'fixture-0002', 'fixture-0003']);
    expect(feed.duplicates).toBe(1);
    const [first, second] = feed.items;
    expect(first.published).toBe('2022-11-28T05:10:00Z');
    expect(first.summary).toBe('The hospital moved to paper records on Monday.');
    expect(first.source_id).toBe('fixture');
    expect(second.link).toBe('https://www.fixturedesk.example/news/clinic-portal-restored.html');
  });

  it('applies include and exclude keywords', async () => {
    const included = await ok(input('rss2.xml', { filters: { include: ['ransomware', 'outage'] } }));
    expect(included.items.map((i) => i.guid)).toEqual(['fixture-0001', 'fixture-0002']);
    expect(included.excluded).toBe(1);
    const excluded = await ok(input('rss2.xml', { filters: { exclude: ['football'] } }));
    expect(excluded.items.map((i) => i.guid)).not.toContain('fixture-0003');
  });

  it('reads Atom with published or updated dates', async () => {
    const feed = await ok(input('atom.xml', { url: 'https://news.fixturewire.example/atom.xml' }));
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      guid: 'tag:fixturewire.example,2022:entry-77',
      link: 'https://news.fixturewire.example/wire/insurer-data-theft.html',
      published: '2022-10-19T21:30:00Z',
      title: 'Insurer confirms data theft affecting members',
    });
    expect(feed.items[1].published).toBe('2022-10-22T12:00:00Z');
  });

  it('reads RSS 1.0 / RDF with dc:date', async () => {
    const feed = await ok(input('rdf.xml', { url: 'https://www.fixtureaustral.example/index.rdf' }));
    expect(feed.items.map((i) => i.published)).toEqual(['2022-10-20T03:05:00Z', '2022-10-24T00:00:00Z']);
    expect(feed.items[0].link).toBe('https://www.fixtureaustral.example/news/health-fund-breach.html');
  });

  it('decodes a windows-1252 feed from its XML declaration', async () => {
    const feed = await ok(input('win1252.xml'));
    expect(feed.items[0].title).toBe('Hôpital Sud-Francilien : « cyberattaque », le Dr Hélène Fauré s’exprime');
    expect(feed.items[0].summary).toContain('paralysé — €10 million demandés');
    expect(feed.items[1].title).toBe('Zürich clinic and Señor Muñoz');
  });

  it('distrusts an HTTP "utf-8" label on bytes that are not UTF-8 and reads the XML declaration instead', async () => {
    const feed = await ok(input('win1252.xml', { charset: 'utf-8' }));
    expect(feed.items[1].title).toBe('Zürich clinic and Señor Muñoz');
  });

  it('an HTTP charset other than utf-8 still overrides the declaration', async () => {
    const bytes = new TextEncoder().encode(
      '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><item><title>Zürich</title>' +
        '<link>https://a.example/1</link></item></channel></rss>',
    );
    const feed = await ok({ ...input('rss2.xml'), bytes, charset: 'windows-1252' });
    expect(feed.items[0].title).toBe('ZÃ¼rich');
  });

  it('keeps every item sharing a timestamp: de-duplication is by guid and link, never by date', async () => {
    const at = 'Mon, 28 Nov 2022 10:00:00 GMT';
    const item = (n: number, link = n) =>
      `<item><guid>g${n}</guid><link>https://a.example/${link}</link><pubDate>${at}</pubDate></item>`;
    const bytes = new TextEncoder().encode(
      `<rss version="2.0"><channel>${item(1)}${item(2)}${item(3, 1)}${item(1, 9)}</channel></rss>`,
    );
    const feed = await ok({ ...input('rss2.xml'), bytes });
    expect(feed.items.map((i) => i.guid)).toEqual(['g1', 'g2']);
    expect(feed.duplicates).toBe(2);
  });

  it('reports an empty body as empty_body', async () => {
    const out = await parseFeed({ ...input('rss2.xml'), bytes: new TextEncoder().encode(' \n') });
    expect(!out.ok && out.error.reason).toBe('empty_body');
  });

  it('reads a news sitemap and refuses a sitemap index', async () => {
    const bytes =
      new TextEncoder().encode(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://a.example/x?a=1&amp;b=2</loc><news:news><news:publication_date>2022-11-28T10:00:00Z</news:publication_date>
      <news:title>Clinic &amp; hospital hit</news:title></news:news></url>
      <url><loc>https://a.example/y</loc><lastmod>2022-11-29</lastmod></url></urlset>`);
    const feed = await ok({ ...input('rss2.xml'), bytes });
    expect(feed.items.map((i) => [i.link, i.title, i.published])).toEqual([
      ['https://a.example/x?a=1&b=2', 'Clinic & hospital hit', '2022-11-28T10:00:00Z'],
      ['https://a.example/y', null, expect.stringMatching(/^2022-11-29/)],
    ]);
    const index = new TextEncoder().encode(
      '<sitemapindex><sitemap><loc>https://a.example/s1.xml</loc></sitemap></sitemapindex>',
    );
    const out = await parseFeed({ ...input('rss2.xml'), bytes: index });
    expect(!out.ok && out.error.reason).toBe('not_a_feed');
  });

  it('salvages the complete items of a truncated feed and warns', async () => {
    const feed = await ok(input('truncated.xml'));
    expect(feed.items.map((i) => i.title)).toEqual(['First complete story', 'Second complete story & more']);
    expect(feed.warnings).toHaveLength(1);
    expect(feed.warnings[0]).toMatchObject({ reason: 'malformed_feed', salvaged: 2 });
  });

  it('skips a feed with nothing to salvage as malformed_feed', async () => {
    const out = await parseFeed(input('hopeless.xml'));
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error).toBeInstanceOf(SkipError);
      expect(out.error.reason).toBe('malformed_feed');
      expect(out.error.message).toContain('https://www.fixturedesk.example/feed.xml');
    }
  });

  it('recognises an HTML page served instead of a feed', async () => {
    const out = await parseFeed(input('html-instead.xml'));
    expect(!out.ok && out.error.reason).toBe('not_a_feed');
  });
});

describe('salvageFeed', () => {
  it('closes the elements left open after the last complete item', () => {
    const xml = '<rss><channel><title>t</title><item><title>a</title></item><item><title>b';
    expect(salvageFeed(xml)).toBe('<rss><channel><title>t</title><item><title>a</title></item></channel></rss>');
    expect(salvageFeed('<rss><channel><item><title>x')).toBeNull();
  });
});
