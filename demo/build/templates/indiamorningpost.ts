// India Morning Post: a single-page-app news site (hashed CSS-module class names, data island, "Also read").
// The standfirst is repeated as the first body paragraph; with leak_script, script source leaks as text.
import type { PageCtx } from '../context.ts';
import { urlOf } from '../context.ts';
import {
  blocksHtml,
  copyright,
  jsonLd,
  metaBasics,
  midIndex,
  navLinks,
  openGraph,
  relatedLinks,
  type Template,
  twitterCard,
} from '../head.ts';
import { adLoader, analytics, dataIsland, leakedHtml } from '../scripts.ts';
import { esc, humanDate } from '../util.ts';

// CSS-module style names, as a bundler would emit them
const K = {
  header: 'Header_wrap__q3k9d',
  nav: 'Nav_list__7fGh2',
  main: 'Article_main__Zx81p',
  h1: 'Article_headline__3nP0a',
  summary: 'Article_summary__b7LmQ',
  meta: 'Byline_row__s9Tt4',
  body: 'ArticleBody_content__Wm2xe',
  also: 'AlsoRead_box__p0Q1r',
  share: 'Share_bar__Hh4kA',
  related: 'Related_grid__e5Yw1',
  footer: 'Footer_root__9aLmC',
};

function render(c: PageCtx): string {
  const { a, o } = c;
  const mid = midIndex(a.blocks);
  const also = c.alsoRead;
  const alsoBox = also
    ? `<aside class="${K.also}"><span>Also read:</span> <a href="${esc(urlOf(c.corpus, also))}">${esc(also.title)}</a></aside>`
    : '';
  const body = blocksHtml(a.blocks, {}, (i) => (i === mid ? alsoBox : ''));
  if (a.standfirst) body.unshift(`<p>${esc(a.standfirst)}</p>`);
  const nav = navLinks(c, (s) => `/news/${s}/`);
  const updated = a.modified
    ? `<span class="Byline_updated__k2">Updated: <time datetime="${c.modified}">${esc(humanDate(c.modified, 'in').replace('Updated: ', ''))}</time></span>`
    : '';
  return `<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${metaBasics(c).join('\n')}
${openGraph(c).join('\n')}
${twitterCard(c, false).join('\n')}
<link rel="preload" href="/_next/static/css/8f1c2b.css" as="style">
<link rel="stylesheet" href="/_next/static/css/8f1c2b.css">
<link rel="alternate" type="application/atom+xml" href="https://${o.host}/atom.xml">
${jsonLd(c)}
${analytics(c, 'beacon')}
</head>
<body>
<div id="__next">
<div class="Consent_overlay__u1" role="dialog"><div class="Consent_card__u2"><p>We and our partners use cookies to personalise content and ads.</p><button type="button" class="Consent_accept__u3">Accept all</button><button type="button" class="Consent_manage__u4">Manage preferences</button></div></div>
<header class="${K.header}"><a class="Header_logo__x1" href="/">${esc(o.name)}</a><span class="Header_tag__x2">${esc(o.tagline)}</span>
<nav><ul class="${K.nav}">${nav.map((n) => `<li><a href="${n.href}">${esc(n.label)}</a></li>`).join('')}</ul></nav></header>
<main class="${K.main}">
<ol class="Breadcrumb_list__b1" itemscope itemtype="https://schema.org/BreadcrumbList"><li><a href="/">Home</a></li><li><a href="/news/">News</a></li><li><a href="/news/${esc(a.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}/">${esc(a.section)}</a></li></ol>
<div class="Article_container__r7">
<h1 class="${K.h1}">${esc(a.title)}</h1>
${a.standfirst ? `<h2 class="${K.summary}">${esc(a.standfirst)}</h2>\n` : ''}<div class="${K.meta}">${a.author ? `<a class="Byline_author__k1" href="/author/${esc(a.author.toLowerCase().replace(/[^a-z]+/g, '-'))}">${esc(a.author)}</a>` : '<span>IMP Web Desk</span>'} <span class="Byline_time__k3">Published: <time datetime="${c.published}">${esc(humanDate(c.published, 'in').replace('Updated: ', ''))}</time></span> ${updated}</div>
<div class="${K.share}"><button type="button" data-net="x">Share on X</button><button type="button" data-net="wa">WhatsApp</button><button type="button" data-net="copy">Copy link</button></div>
<div class="${K.body}" id="article-body">
${body.join('\n')}
${a.leak_script ? leakedHtml(c) : ''}
</div>
<div class="Newsletter_box__n1"><h4>Morning Briefing</h4><p>Sign up for the day's biggest stories, in your inbox at 7 am.</p><input type="email" placeholder="you@example.com"><button type="button">Sign me up</button></div>
<section class="Comments_root__c1"><button type="button" id="cmtToggle" class="Comments_toggle__c2">Click here to comment</button><div class="comment-box" hidden><p>Be the first to comment</p></div></section>
</div>
<section class="${K.related}"><h3>Related stories</h3>
${relatedLinks(c)
  .map((r) => `<div class="Related_card__e2"><a href="${esc(r.href)}">${esc(r.title)}</a></div>`)
  .join('\n')}
</section>
</main>
<footer class="${K.footer}"><ul>${['About us', 'Careers', 'Contact', 'Terms of use', 'Privacy'].map((l) => `<li><a href="/${l.toLowerCase().replace(/ /g, '-')}">${l}</a></li>`).join('')}</ul><p>${esc(copyright(c))}</p></footer>
</div>
${dataIsland(c, '__NEXT_DATA__', { buildId: `b${c.decoyDate.replace(/\D/g, '').slice(0, 8)}`, buildTime: c.decoyDate, page: '/news/[...slug]' })}
${adLoader(c, ['atf', 'mid'])}
</body>
</html>
`;
}

export const template: Template = { render };
