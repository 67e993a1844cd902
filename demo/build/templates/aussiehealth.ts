// Aussie Health News: a Drupal-style site (regions, node/field classes, lead image with credit).
import type { PageCtx } from '../context.ts';
import {
  blocksHtml,
  copyright,
  jsonLd,
  metaBasics,
  navLinks,
  openGraph,
  placeholderSvg,
  relatedLinks,
  type Template,
  twitterCard,
} from '../head.ts';
import { adLoader, analytics } from '../scripts.ts';
import { esc, hashNum, humanDate, pick } from '../util.ts';

const IMAGE = '/sites/default/files/styles/lead/public/ahn-lead.svg';

function render(c: PageCtx): string {
  const { a, o } = c;
  const nid = 40000 + (hashNum(a.id) % 50000);
  const nav = navLinks(c, (s) => `/${s}`);
  const caption = pick(a.id, ['Picture: Supplied', 'Picture: File', 'Image: Aussie Health News']);
  return `<!DOCTYPE html>
<html lang="${o.lang}" dir="ltr" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="utf-8" />
<meta name="Generator" content="Drupal 9 (https://www.drupal.org)" />
<meta name="MobileOptimized" content="width" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
${metaBasics(c).join('\n')}
<link rel="shortlink" href="https://${o.host}/node/${nid}" />
${openGraph(c, IMAGE).join('\n')}
${twitterCard(c).join('\n')}
${jsonLd(c, { indent: 0 })}
${analytics(c, 'datalayer')}
</head>
<body class="path-node page-node-type-article">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="eu-cookie-compliance-banner" role="dialog"><div class="popup-content"><div class="eu-cookie-compliance-message"><h2>G'day! We use cookies</h2><p>We use cookies to give you the best experience and to understand how our site is used.</p></div><div class="eu-cookie-compliance-buttons"><button type="button" class="agree-button eu-cookie-compliance-default-button">Accept all</button><button type="button" class="decline-button">No, thanks</button></div></div></div>
<div class="dialog-off-canvas-main-canvas">
<div class="layout-container">
<header role="banner" class="region region-header"><div class="site-branding"><a href="/" rel="home" class="site-branding__name">${esc(o.name)}</a><div class="site-branding__slogan">${esc(o.tagline)}</div></div>
<nav role="navigation" class="block block-menu navigation menu--main"><ul class="menu">
${nav.map((n) => `<li class="menu-item"><a href="${n.href}">${esc(n.label)}</a></li>`).join('\n')}
</ul></nav></header>
<div class="region region-breadcrumb"><nav class="breadcrumb" role="navigation"><ol><li><a href="/">Home</a></li><li><a href="/${esc(a.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}">${esc(a.section)}</a></li></ol></nav></div>
<main role="main"><a id="main-content" tabindex="-1"></a>
<div class="layout-content"><div class="region region-content">
<article role="article" about="/node/${nid}" class="node node--type-article node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">${esc(a.title)}</span></h1>
${a.standfirst ? `<div class="field field--name-field-summary">${esc(a.standfirst)}</div>\n` : ''}<div class="node__meta"><span class="field field--name-uid">${esc(a.author ?? 'AHN Newsroom')}</span> <span class="field field--name-created"><time datetime="${c.published}">${esc(humanDate(c.published, 'short'))}</time></span></div>
<div class="field field--name-field-lead-image"><figure><img src="${IMAGE}" width="960" height="540" alt="" /><figcaption>${esc(caption)}</figcaption></figure></div>
<div class="social-share"><a class="share-x" href="https://x.example/intent/post?url=${encodeURIComponent(c.url)}">Share on X</a><a class="share-wa" href="https://wa.example/send?text=${encodeURIComponent(c.url)}">WhatsApp</a><a class="share-fb" href="https://social.example/share?u=${encodeURIComponent(c.url)}">Facebook</a></div>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary">
${blocksHtml(a.blocks).join('\n')}
</div>
<div class="field field--name-field-tags"><div class="field__label">Topics</div><div class="field__item"><a href="/${esc(a.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}">${esc(a.section)}</a></div></div>
<section class="comment-section"><h2>Comments</h2><p>Be the first to comment on this story.</p><a href="/comment/reply/${nid}" class="comment-link">Click here to comment</a></section>
</article>
</div></div>
<aside class="layout-sidebar-second" role="complementary">
<div class="block block-newsletter"><h2>Daily health bulletin</h2><p>Get the day's health news from around Australia in your inbox.</p><a class="button" href="/newsletter">Subscribe for free</a></div>
<div class="block block-views-related"><h2>Related stories</h2><div class="view-content"><ul>
${relatedLinks(c)
  .map((r) => `<li class="views-row"><a href="${esc(r.href)}">${esc(r.title)}</a></li>`)
  .join('\n')}
</ul></div></div>
<div class="block block-ad" id="ahn-mrec">Advertisement</div>
</aside>
</main>
<footer role="contentinfo" class="region region-footer"><ul class="menu"><li><a href="/about">About</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/index.rdf">RSS</a></li></ul>
<p>${esc(copyright(c))}. ABN 00 000 000 000. We acknowledge the Traditional Custodians of the land on which we work.</p></footer>
</div></div>
${adLoader(c, ['mrec'])}
</body>
</html>
`;
}

export const template: Template = { render, assets: { [IMAGE]: placeholderSvg('Aussie Health News', '#0b6e4f') } };
