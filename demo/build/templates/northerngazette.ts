// The Northern Gazette: a metropolitan daily (l-/c- prefixed classes, photo, subscriber prompt).
import type { PageCtx } from '../context.ts';
import {
  blocksHtml,
  copyright,
  jsonLd,
  metaBasics,
  midIndex,
  navLinks,
  openGraph,
  placeholderSvg,
  relatedLinks,
  type Template,
  twitterCard,
} from '../head.ts';
import { adLoader, analytics } from '../scripts.ts';
import { esc, humanDate, pick } from '../util.ts';

const IMAGE = '/resizer/ng-photo-default.svg';

function render(c: PageCtx): string {
  const { a, o } = c;
  const nav = navLinks(c, (s) => `/${s}/`);
  const credit = pick(a.id, ['THE NORTHERN GAZETTE FILES', 'Photo illustration / The Northern Gazette', 'Handout']);
  const mid = midIndex(a.blocks);
  const promo =
    '<div class="c-inline-promo"><p>Support local journalism. <a href="/subscribe/">Subscribe for $1 a week</a>.</p></div>';
  return `<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
${metaBasics(c).join('\n')}
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="author" content="${esc(a.author ?? o.name)}">
${twitterCard(c).join('\n')}
${openGraph(c, IMAGE).join('\n')}
<link rel="stylesheet" href="/pf/resources/dist/ng/css/story.css?d=118">
${jsonLd(c)}
${analytics(c, 'beacon')}
${adLoader(c, ['leaderboard', 'bigbox', 'bigbox2'])}
</head>
<body class="l-body l-body--story">
<div class="c-consent" id="consent" aria-live="polite"><div class="c-consent__inner"><p>We use cookies and similar technologies to deliver, measure and improve our services. You can manage your choices in Privacy Settings.</p><button class="c-consent__accept">Accept all</button><a class="c-consent__settings" href="/privacy-settings/">Privacy Settings</a></div></div>
<header class="l-header"><div class="c-topbar"><a class="c-topbar__link" href="/e-edition/">E-edition</a><a class="c-topbar__link" href="/subscribe/">Subscribe</a><a class="c-topbar__link" href="/account/">Sign in</a></div>
<a class="c-logo" href="/">${esc(o.name)}</a>
<nav class="c-nav"><ul class="c-nav__list">${nav.map((n) => `<li class="c-nav__item"><a class="c-nav__link" href="${n.href}">${esc(n.label)}</a></li>`).join('')}</ul></nav></header>
<div class="c-ad c-ad--leaderboard" id="leaderboard-1">Advertisement</div>
<main class="l-main">
<article class="c-article">
<div class="c-article__header">
<ol class="c-breadcrumbs"><li><a href="/">Home</a></li><li><a href="/${esc(a.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}/">${esc(a.section)}</a></li></ol>
<h1 class="c-headline">${esc(a.title)}</h1>
${a.standfirst ? `<h2 class="c-subheadline">${esc(a.standfirst)}</h2>\n` : ''}<div class="c-byline"><span class="c-byline__author">${esc(a.author ?? 'Gazette staff')}</span><span class="c-byline__date">Published <time datetime="${c.published}">${esc(humanDate(c.published, 'us'))}</time></span>${a.modified ? `<span class="c-byline__date">Last updated <time datetime="${c.modified}">${esc(humanDate(c.modified, 'us'))}</time></span>` : ''}</div>
<div class="c-share"><button class="c-share__btn" data-share="x">Share on X</button><button class="c-share__btn" data-share="whatsapp">WhatsApp</button><button class="c-share__btn" data-share="email">Email</button></div>
</div>
<figure class="c-article__media"><img class="c-image" src="${IMAGE}" width="1200" height="675" alt=""><figcaption class="c-caption"><span class="c-caption__credit">${esc(credit)}</span></figcaption></figure>
<div class="c-article__body">
${blocksHtml(a.blocks, { p: 'c-paragraph', h2: 'c-heading' }, (i) => (i === mid ? promo : '')).join('\n')}
</div>
<div class="c-newsletter"><h3>Morning Update</h3><p>Start your day with the Gazette's top stories. Delivered weekdays at 6 a.m.</p><a href="/newsletters/">Sign up</a></div>
<div class="c-comments"><h3>Conversation</h3><p>Be the first to comment. Comments are open to subscribers.</p><a class="c-comments__cta" href="#comments">Click here to comment</a></div>
</article>
<aside class="l-rail"><div class="c-ad c-ad--bigbox" id="bigbox-2">Advertisement</div>
<section class="c-related"><h3 class="c-related__title">Related stories</h3><ul>
${relatedLinks(c)
  .map((r) => `<li class="c-related__item"><a href="${esc(r.href)}">${esc(r.title)}</a></li>`)
  .join('\n')}
</ul></section></aside>
</main>
<footer class="l-footer"><ul class="c-footer__links"><li><a href="/about/">About us</a></li><li><a href="/contact/">Contact</a></li><li><a href="/corrections/">Corrections</a></li><li><a href="/terms/">Terms of Use</a></li><li><a href="/feed.xml">RSS</a></li></ul><p class="c-footer__copy">${esc(copyright(c))}, a division of Northern Media Group. All rights reserved.</p></footer>
</body>
</html>
`;
}

export const template: Template = { render, assets: { [IMAGE]: placeholderSvg('The Northern Gazette', '#2b2b2b') } };
