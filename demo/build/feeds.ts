// Feeds per outlet: RSS 2.0, Atom 1.0 or RSS 1.0 (RDF), newest first, with absolute links.
import { type Corpus, newestFirst, summaryOf, urlOf } from './context.ts';
import type { Article, Outlet } from './schema.ts';
import { encode, hashNum, instant, normIso, rfc822, xesc } from './util.ts';

const xmlDecl = (o: Outlet) => `<?xml version="1.0" encoding="${o.charset === 'utf-8' ? 'UTF-8' : o.charset}"?>\n`;
const updatedOf = (a: Article) => normIso(a.modified ?? a.published);

/** The latest publication or update time among `items` (a stable stand-in for "last build"). */
function latest(items: Article[]): string {
  return items.map(updatedOf).sort((x, y) => instant(y) - instant(x))[0] ?? '2022-08-15T00:00:00+00:00';
}

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

function rss2(c: Corpus, o: Outlet, items: Article[]): string {
  const self = `https://${o.host}${o.feed.path}`;
  const out = items.map((a) => {
    const link = urlOf(c, a);
    // Northern Gazette uses opaque guids; Delhi Chronicle wraps the summary in CDATA HTML.
    const guid =
      o.key === 'northerngazette'
        ? `<guid isPermaLink="false">ng-${(hashNum(a.id) % 9_000_000) + 1_000_000}</guid>`
        : `<guid isPermaLink="true">${xesc(link)}</guid>`;
    const desc =
      o.key === 'delhichronicle' ? cdata(`<p>${xesc(summaryOf(a, Infinity))}</p>`) : xesc(summaryOf(a, Infinity));
    return [
      '    <item>',
      `      <title>${xesc(a.title)}</title>`,
      `      <link>${xesc(link)}</link>`,
      `      ${guid}`,
      `      <pubDate>${rfc822(a.published)}</pubDate>`,
      a.author ? `      <dc:creator>${xesc(a.author)}</dc:creator>` : '',
      `      <category>${xesc(a.section)}</category>`,
      `      <description>${desc}</description>`,
      '    </item>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return `${xmlDecl(o)}<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xesc(o.name)}</title>
    <link>https://${o.host}/</link>
    <description>${xesc(o.tagline)}</description>
    <language>${o.lang.toLowerCase()}</language>
    <copyright>${xesc(`Copyright ${o.name}`)}</copyright>
    <lastBuildDate>${rfc822(latest(items))}</lastBuildDate>
    <ttl>60</ttl>
    <atom:link href="${xesc(self)}" rel="self" type="application/rss+xml"/>
${out.join('\n')}
  </channel>
</rss>
`;
}

function atom(c: Corpus, o: Outlet, items: Article[]): string {
  const self = `https://${o.host}${o.feed.path}`;
  const out = items.map((a) => {
    const link = urlOf(c, a);
    const id =
      o.key === 'medtechwire' ? `urn:medtechwire:story:${a.id}` : `tag:${o.host},${a.published.slice(0, 10)}:${a.id}`;
    return [
      '  <entry>',
      `    <title type="text">${xesc(a.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xesc(link)}"/>`,
      `    <id>${xesc(id)}</id>`,
      `    <published>${normIso(a.published)}</published>`,
      `    <updated>${updatedOf(a)}</updated>`,
      a.author ? `    <author><name>${xesc(a.author)}</name></author>` : '',
      `    <category term="${xesc(a.section)}"/>`,
      `    <summary type="text">${xesc(summaryOf(a, Infinity))}</summary>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return `${xmlDecl(o)}<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${o.lang}">
  <title>${xesc(o.name)}</title>
  <subtitle>${xesc(o.tagline)}</subtitle>
  <link rel="alternate" type="text/html" href="https://${o.host}/"/>
  <link rel="self" type="application/atom+xml" href="${xesc(self)}"/>
  <id>https://${o.host}/</id>
  <updated>${latest(items)}</updated>
  <author><name>${xesc(o.name)}</name></author>
  <rights>${xesc(`Copyright ${o.name}`)}</rights>
${out.join('\n')}
</feed>
`;
}

function rdf(c: Corpus, o: Outlet, items: Article[]): string {
  const self = `https://${o.host}${o.feed.path}`;
  const out = items.map((a) => {
    const link = xesc(urlOf(c, a));
    return [
      `  <item rdf:about="${link}">`,
      `    <title>${xesc(a.title)}</title>`,
      `    <link>${link}</link>`,
      `    <description>${xesc(summaryOf(a, Infinity))}</description>`,
      a.author ? `    <dc:creator>${xesc(a.author)}</dc:creator>` : '',
      `    <dc:date>${normIso(a.published)}</dc:date>`,
      `    <dc:subject>${xesc(a.section)}</dc:subject>`,
      '  </item>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return `${xmlDecl(o)}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="${xesc(self)}">
    <title>${xesc(o.name)}</title>
    <link>https://${o.host}/</link>
    <description>${xesc(o.tagline)}</description>
    <dc:language>${o.lang}</dc:language>
    <dc:date>${latest(items)}</dc:date>
    <items>
      <rdf:Seq>
${items.map((a) => `        <rdf:li rdf:resource="${xesc(urlOf(c, a))}"/>`).join('\n')}
      </rdf:Seq>
    </items>
  </channel>
${out.join('\n')}
</rdf:RDF>
`;
}

/** The outlet's feed bytes (in the outlet's charset). */
export function renderFeed(c: Corpus, o: Outlet): Buffer {
  // indexed reports are reached through the research index page only (research.ts)
  const items = newestFirst(c.articles.filter((a) => a.outlet === o.key && a.kind !== 'indexed-report'));
  const xml = o.feed.kind === 'rss' ? rss2(c, o, items) : o.feed.kind === 'atom' ? atom(c, o, items) : rdf(c, o, items);
  return encode(xml, o.charset);
}
