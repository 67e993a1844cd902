// SecureOps Weekly: a Ghost-style blog theme (gh-* classes, reading time, tags, member sign-up).
import type { PageCtx } from '../context.ts';
import { paragraphs } from '../context.ts';
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
import { adLoader, analytics, buildStamp } from '../scripts.ts';
import { esc, humanDate } from '../util.ts';

function render(c: PageCtx): string {
  const { a, o } = c;
  const words = paragraphs(a.blocks).join(' ').split(/\s+/).length;
  const minutes = Math.max(1, Math.round(words / 230));
  const nav = navLinks(c, (s) => `/tag/${s}/`);
  return `<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
${metaBasics(c).join('\n')}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer-when-downgrade">
${openGraph(c).join('\n')}
${twitterCard(c).join('\n')}
<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="${esc(a.author ?? o.name)}">
<meta name="twitter:label2" content="Filed under"><meta name="twitter:data2" content="${esc(a.section)}">
<link rel="alternate" type="application/rdf+xml" title="${esc(o.name)}" href="https://${o.host}/index.rdf">
${jsonLd(c, { indent: 4 })}
${buildStamp(c, 'build')}
${analytics(c, 'queue')}
</head>
<body class="post-template tag-${esc(a.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'))} is-head-left-logo">
<div class="gh-viewport">
<div class="gh-cookie" role="region" aria-label="Cookies"><p>This site uses cookies to count visits and keep you signed in.</p><button class="gh-cookie-accept">Accept all</button><button class="gh-cookie-reject">Decline</button></div>
<header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner"><div class="gh-head-brand"><a class="gh-head-logo" href="/">${esc(o.name)}</a></div>
<nav class="gh-head-menu"><ul class="nav">${nav.map((n) => `<li class="nav-${n.href.split('/')[2]}"><a href="${n.href}">${esc(n.label)}</a></li>`).join('')}</ul></nav>
<div class="gh-head-actions"><a class="gh-head-button" href="#/portal/signup">Subscribe</a></div></div></header>
<main id="site-main" class="site-main">
<article class="article post">
<header class="article-header gh-canvas">
<nav class="article-breadcrumbs"><a href="/">Home</a> / <a href="/tag/${esc(a.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}/">${esc(a.section)}</a></nav>
<section class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="/tag/${esc(a.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}/">${esc(a.section)}</a></span></section>
<h1 class="article-title">${esc(a.title)}</h1>
${a.standfirst ? `<p class="article-excerpt">${esc(a.standfirst)}</p>\n` : ''}<div class="article-byline"><div class="article-byline-content"><div class="article-byline-meta"><h4 class="author-name">${esc(a.author ?? 'SecureOps Weekly')}</h4><div class="byline-meta-content"><time class="byline-meta-date" datetime="${c.published}">${esc(humanDate(c.published, 'short'))}</time><span class="byline-reading-time"><span class="bull">•</span> ${minutes} min read</span></div></div></div></div>
<div class="article-share"><a href="https://x.example/intent/post?url=${encodeURIComponent(c.url)}">Share on X</a><a href="https://wa.example/send?text=${encodeURIComponent(c.url)}">WhatsApp</a><a href="https://news.ycombinator.example/submitlink?u=${encodeURIComponent(c.url)}">Hacker News</a></div>
</header>
<section class="gh-content gh-canvas">
${blocksHtml(a.blocks).join('\n')}
<aside class="kg-card kg-callout-card"><div class="kg-callout-text">Get SecureOps Weekly every Friday: the week's breaches, bugs and patches in ten minutes. <a href="#/portal/signup">Sign up free</a>.</div></aside>
</section>
<section class="article-comments gh-canvas"><p class="comments-empty">Be the first to comment.</p><button class="comments-open" type="button">Click here to comment</button></section>
</article>
</main>
<aside class="read-more-wrap outer"><div class="read-more inner"><h3 class="read-more-title">Related stories</h3>
${relatedLinks(c)
  .map(
    (r) =>
      `<article class="post-card"><h2 class="post-card-title"><a class="post-card-content-link" href="${esc(r.href)}">${esc(r.title)}</a></h2></article>`,
  )
  .join('\n')}
</div></aside>
<footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="/">${esc(o.name)}</a> ${esc(copyright(c).replace(` ${o.name}`, ''))}</section>
<nav class="site-footer-nav"><a href="/about/">About</a><a href="/sponsor/">Sponsor</a><a href="/privacy/">Privacy</a><a href="/index.rdf">RSS</a></nav></div></footer>
</div>
${adLoader(c, ['sponsor'])}
</body>
</html>
`;
}

export const template: Template = { render };
