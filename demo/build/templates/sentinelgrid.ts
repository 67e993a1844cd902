// Sentinel Grid Threat Research: a vendor research blog. Reports get a table of contents built from
// their headings, an author bio box and a "Download the PDF" call to action.
import type { PageCtx } from '../context.ts';
import {
  blocksHtml,
  copyright,
  jsonLd,
  metaBasics,
  navLinks,
  openGraph,
  relatedLinks,
  type Template,
  twitterCard,
} from '../head.ts';
import { analytics } from '../scripts.ts';
import { esc, humanDate } from '../util.ts';

function toc(c: PageCtx): string {
  const heads = c.a.blocks.filter((b) => b.type === 'h2');
  if (!heads.length) return '';
  return `<nav class="report-toc" aria-label="Contents"><p class="report-toc__title">In this report</p><ol>
${heads.map((h) => `<li><a href="#${h.id}">${esc(h.text)}</a></li>`).join('\n')}
</ol></nav>`;
}

function render(c: PageCtx): string {
  const { a, o } = c;
  const report = a.kind === 'vendor-report';
  const nav = navLinks(c, (s) => `/${s}/`);
  const author = a.author ?? 'Sentinel Grid Threat Research';
  const pdf = `/downloads/${a.id}.pdf`;
  const cta = `<div class="cta-download"><p class="cta-download__lead">Get the full report with indicators, charts and our methodology.</p><a class="btn btn--primary" href="${pdf}">Download the PDF</a><span class="cta-download__note">Free, no registration for researchers and defenders.</span></div>`;
  return `<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${metaBasics(c).join('\n')}
${openGraph(c).join('\n')}
${twitterCard(c).join('\n')}
<link rel="alternate" type="application/atom+xml" title="${esc(o.name)}" href="https://${o.host}/atom.xml">
<link rel="stylesheet" href="/static/research.css">
${jsonLd(c, { type: report ? ['Report', 'NewsArticle'] : 'NewsArticle', indent: 2 })}
${analytics(c, 'datalayer')}
<script>
window.sgChat = { enabled: true, team: "sales", greeting: "Talk to a threat intelligence expert" };
</script>
</head>
<body class="research ${report ? 'research--report' : 'research--post'}">
<div class="consent" role="dialog"><p>We use cookies to improve your experience and for marketing. Read our <a href="https://www.sentinelgrid.example/privacy">privacy notice</a>.</p><button class="consent__btn consent__btn--accept">Accept all</button><button class="consent__btn">Customise</button></div>
<header class="topbar"><a class="topbar__logo" href="/">Sentinel Grid <span>Research</span></a>
<nav class="topbar__nav">${nav.map((n) => `<a href="${n.href}">${esc(n.label)}</a>`).join('')}</nav>
<a class="btn btn--ghost" href="https://www.sentinelgrid.example/demo">Request a demo</a></header>
<div class="research-layout">
<main class="research-main">
<div class="crumbs"><a href="/">Research</a> / <a href="/${esc(a.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}/">${esc(a.section)}</a></div>
<article class="post">
<header class="post__header">
<span class="post__label">${report ? 'Threat report' : esc(a.section)}</span>
<h1 class="post__title">${esc(a.title)}</h1>
${a.standfirst ? `<p class="post__lede">${esc(a.standfirst)}</p>\n` : ''}<p class="post__meta">${esc(author)} · <time datetime="${c.published}">${esc(humanDate(c.published, 'short'))}</time></p>
<div class="post__share"><a href="https://x.example/intent/post?url=${encodeURIComponent(c.url)}">Share on X</a> <a href="https://linkedin.example/share?url=${encodeURIComponent(c.url)}">LinkedIn</a> <a href="https://wa.example/send?text=${encodeURIComponent(c.url)}">WhatsApp</a></div>
</header>
${report ? toc(c) : ''}
${report ? cta : ''}
<div class="post__content">
${blocksHtml(a.blocks, { h2: 'post__h2' }).join('\n')}
</div>
${report ? cta.replace('cta-download"', 'cta-download cta-download--end"') : ''}
<section class="author-bio"><div class="author-bio__avatar" aria-hidden="true">SG</div><div><h3 class="author-bio__name">${esc(author)}</h3><p class="author-bio__text">The Sentinel Grid research team tracks ransomware and extortion groups, monitors leak sites and works with incident responders on active cases. Contact the team at research@sentinelgrid.example.</p></div></section>
</article>
<section class="newsletter"><h2>The Threat Brief</h2><p>Monthly research from Sentinel Grid, straight to your inbox.</p><form><input type="email" placeholder="Business email"><button type="submit">Subscribe</button></form></section>
<section class="related"><h2>Related stories</h2><ul>
${relatedLinks(c)
  .map((r) => `<li><a href="${esc(r.href)}">${esc(r.title)}</a></li>`)
  .join('\n')}
</ul></section>
<section class="discuss"><p>Be the first to comment.</p><a href="#discuss">Click here to comment</a></section>
</main>
<aside class="research-side"><div class="side-card"><h3>Under attack?</h3><p>Our incident response team is available 24/7.</p><a href="https://www.sentinelgrid.example/ir">Get help now</a></div></aside>
</div>
<footer class="footer"><nav><a href="https://www.sentinelgrid.example/">Sentinel Grid</a><a href="https://www.sentinelgrid.example/company">Company</a><a href="https://www.sentinelgrid.example/privacy">Privacy</a><a href="/atom.xml">Atom feed</a></nav><p>${esc(copyright(c))}. All rights reserved.</p></footer>
</body>
</html>
`;
}

export const template: Template = { render };
