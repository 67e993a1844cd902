// Per-host front page (newest stories first) and robots.txt.
import { type Corpus, newestFirst, summaryOf, urlOf } from './context.ts';
import type { Outlet } from './schema.ts';
import { esc, humanDate } from './util.ts';

const FEED_TYPES = { rss: 'application/rss+xml', atom: 'application/atom+xml', rdf: 'application/rdf+xml' } as const;

export function renderHome(c: Corpus, o: Outlet): string {
  const items = newestFirst(c.articles.filter((a) => a.outlet === o.key));
  const charset = o.charset === 'utf-8' ? 'UTF-8' : o.charset;
  return `<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="${charset}">
<title>${esc(o.name)} | ${esc(o.tagline)}</title>
<meta name="description" content="${esc(o.tagline)}">
<link rel="canonical" href="https://${o.host}/">
<link rel="alternate" type="${FEED_TYPES[o.feed.kind]}" href="https://${o.host}${o.feed.path}">
</head>
<body class="home">
<header><h1><a href="/">${esc(o.name)}</a></h1><p>${esc(o.tagline)}</p>
<nav>${o.sections.map((s) => `<a href="#${esc(s.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}">${esc(s)}</a>`).join(' ')}</nav></header>
<main><h2>Latest</h2>
<ul class="latest">
${items.map((a) => `<li><a href="${esc(urlOf(c, a))}">${esc(a.title)}</a> <small>${esc(humanDate(a.published, 'short'))}</small><br>${esc(summaryOf(a, 160))}</li>`).join('\n')}
</ul></main>
<footer><a href="${o.feed.path}">Feed</a> · © ${o.since}–${c.lastYear} ${esc(o.name)}</footer>
</body>
</html>
`;
}

export function robotsTxt(o: Outlet): string {
  return `# robots.txt for ${o.host}
User-agent: *
Disallow: /admin/
Allow: /
`;
}
