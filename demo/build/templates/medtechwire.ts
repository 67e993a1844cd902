// MedTech Wire: a wire-service story page (BEM classes, compact layout, "Reporting by" trailer).
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
import { adLoader, analytics } from '../scripts.ts';
import { esc, humanDate } from '../util.ts';

function render(c: PageCtx): string {
  const { a, o } = c;
  const nav = navLinks(c, (s) => `/topics/${s}`);
  return `<!doctype html>
<html lang="${o.lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
${metaBasics(c).join('\n')}
${jsonLd(c)}
${openGraph(c).join('\n')}
${twitterCard(c, false).join('\n')}
<meta name="mtw:story-id" content="${esc(a.id)}">
<link rel="stylesheet" href="/assets/wire.3c9e.css">
${analytics(c, 'queue')}
</head>
<body class="wire wire--story">
<div class="consent-banner" data-consent="pending"><p class="consent-banner__text">MedTech Wire uses cookies for analytics and advertising. See our <a href="/legal/cookies">cookie statement</a>.</p><div class="consent-banner__actions"><button class="consent-banner__btn consent-banner__btn--primary">Accept all</button><button class="consent-banner__btn">Necessary only</button></div></div>
<header class="masthead"><a class="masthead__brand" href="/">MEDTECH WIRE</a>
<nav class="masthead__nav">${nav.map((n) => `<a class="masthead__link" href="${n.href}">${esc(n.label)}</a>`).join('')}</nav>
<a class="masthead__cta" href="/products/terminal">Wire terminal</a></header>
<main class="page">
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/topics/${esc(a.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}">${esc(a.section)}</a></div>
<article class="story">
<header class="story__header">
<p class="story__kicker">${esc(a.section)}</p>
<h1 class="story__headline">${esc(a.title)}</h1>
${a.standfirst ? `<p class="story__dek">${esc(a.standfirst)}</p>\n` : ''}<div class="story__meta"><span class="story__byline">${esc(a.author ? `By ${a.author}` : 'MedTech Wire staff')}</span><time class="story__time" datetime="${c.published}">${esc(humanDate(c.published, 'wire'))}</time>${a.modified ? `<span class="story__updated">Updated <time datetime="${c.modified}">${esc(humanDate(c.modified, 'wire'))}</time></span>` : ''}</div>
<ul class="story__share"><li><a href="https://x.example/intent/post?url=${encodeURIComponent(c.url)}">Share on X</a></li><li><a href="https://wa.example/send?text=${encodeURIComponent(c.url)}">WhatsApp</a></li><li><a href="https://linkedin.example/share?url=${encodeURIComponent(c.url)}">LinkedIn</a></li></ul>
</header>
<div class="story__body">
${blocksHtml(a.blocks, { p: 'story__para', h2: 'story__subhead' }).join('\n')}
</div>
<p class="story__trailer">(${esc(a.author ? `Reporting by ${a.author}` : 'MedTech Wire newsroom')}; Editing by the MedTech Wire health desk)</p>
<p class="story__standards"><a href="/about/trust-principles">Our standards: The MedTech Wire Trust Principles.</a></p>
</article>
<aside class="signup"><h2 class="signup__title">Health Tech Briefing</h2><p class="signup__text">A daily roundup of health technology news from our global newsroom.</p><a class="signup__btn" href="/newsletters">Sign up</a></aside>
<section class="more"><h2 class="more__title">Related stories</h2><ul class="more__list">
${relatedLinks(c)
  .map((r) => `<li class="more__item"><a href="${esc(r.href)}">${esc(r.title)}</a></li>`)
  .join('\n')}
</ul></section>
<section class="discussion"><p class="discussion__empty">Be the first to comment.</p><a class="discussion__open" href="#discussion">Click here to comment</a></section>
</main>
<footer class="colophon"><nav class="colophon__nav"><a href="/about">About MedTech Wire</a><a href="/contact">Contact</a><a href="/legal/terms">Terms</a><a href="/legal/privacy">Privacy</a><a href="/atom.xml">Atom feed</a></nav><p class="colophon__copy">${esc(copyright(c))}. All quotes delayed a minimum of 15 minutes.</p></footer>
${adLoader(c, ['story-rail'])}
</body>
</html>
`;
}

export const template: Template = { render };
