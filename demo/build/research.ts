// A vendor's research index page ("Threat research"): the outlet's indexed reports, newest first, each a card
// with its date and a report link, amid the navigation, featured and footer links a real index page carries.
// The demo catalogue's `<outlet>-research` page source follows it with the REPORT_LINKS selector.
import { type Corpus, newestFirst, summaryOf, urlOf } from './context.ts';
import type { Outlet } from './schema.ts';
import { esc, humanDate } from './util.ts';

export const RESEARCH_INDEX = '/research/';
export const REPORT_LINKS = 'ul.research-reports h3 a.report-link';

/** The index page's bytes, or null when the outlet has no indexed reports. */
export function renderResearchIndex(c: Corpus, o: Outlet): Buffer | null {
  const items = newestFirst(c.articles.filter((a) => a.outlet === o.key && a.kind === 'indexed-report'));
  if (items.length === 0) return null;
  const cards = items.map((a) => {
    const pdf = a.format === 'pdf';
    return `<li class="report-card">
<h3><a class="report-link" href="${esc(urlOf(c, a))}">${esc(a.title)}</a>${pdf ? ' <span class="badge">PDF</span>' : ''}</h3>
<p class="report-card__meta"><time datetime="${esc(a.published)}">${esc(humanDate(a.published, 'short'))}</time> · ${esc(a.section)}</p>
<p>${esc(summaryOf(a, 180))}</p>
<p class="report-card__more"><a href="${esc(urlOf(c, a))}">${pdf ? 'Download' : 'Read the report'}</a> · <a href="/contact/?topic=${esc(a.id)}">Ask our analysts</a></p>
</li>`;
  });
  const html = `<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<title>Threat research | ${esc(o.name)}</title>
<meta name="description" content="Reports and case studies from ${esc(o.name)}.">
<link rel="canonical" href="https://${o.host}${RESEARCH_INDEX}">
</head>
<body class="research-index">
<header><a class="logo" href="/">${esc(o.name)}</a>
<nav aria-label="Main">${o.sections.map((s) => `<a href="/${esc(s.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}/">${esc(s)}</a>`).join(' ')}</nav></header>
<main>
<h1>Threat research</h1>
<p class="lead">Case studies and reviews of attacks on healthcare organisations, written by our analysts.</p>
<aside class="featured"><h2>Featured</h2><a href="/webinars/healthcare-2023/">Webinar: what 2023 holds for hospitals</a></aside>
<ul class="research-reports">
${cards.join('\n')}
</ul>
<nav class="pagination" aria-label="Pages"><a href="${RESEARCH_INDEX}?page=2">Older reports</a></nav>
</main>
<footer><a href="/privacy/">Privacy</a> · <a href="/careers/">Careers</a> · © ${o.since}–${c.lastYear} ${esc(o.name)}</footer>
</body>
</html>
`;
  return Buffer.from(html, 'utf-8');
}
