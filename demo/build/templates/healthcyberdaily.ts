// Health Cyber Daily: a WordPress-style trade site (entry-* classes, sidebar, hero image).
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
import { adLoader, analytics, buildStamp } from '../scripts.ts';
import { esc, hashNum, humanDate, pick } from '../util.ts';

const IMAGE = '/wp-content/uploads/2022/hcd-hero-default.svg';

function render(c: PageCtx): string {
  const { a, o } = c;
  const postId = 20000 + (hashNum(a.id) % 70000);
  const image = IMAGE;
  const nav = navLinks(c, (s) => `/category/${s}/`);
  const caption = pick(a.id, [
    'Hospitals increasingly depend on networked clinical systems. (Health Cyber Daily illustration)',
    'File image of a hospital data centre. (Health Cyber Daily)',
    'Stock photo: an emergency department entrance.',
  ]);
  const byline = a.author
    ? `<span class="byline">By <span class="author vcard"><a class="url fn n" href="/author/${esc(a.author.toLowerCase().replace(/[^a-z]+/g, '-'))}/">${esc(a.author)}</a></span></span>`
    : '<span class="byline">Staff report</span>';
  const updated = a.modified
    ? ` <span class="updated-on">Updated <time class="updated" datetime="${c.modified}">${esc(humanDate(c.modified, 'us'))}</time></span>`
    : '';
  return `<!DOCTYPE html>
<html lang="${o.lang}" class="no-js">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${metaBasics(c).join('\n')}
<meta name="robots" content="index, follow, max-image-preview:large">
${openGraph(c, image).join('\n')}
${twitterCard(c).join('\n')}
<link rel="alternate" type="application/rss+xml" title="${esc(o.name)} &raquo; Feed" href="https://${o.host}/feed.xml">
<link rel="stylesheet" id="hcd-theme-css" href="/wp-content/themes/hcd/style.css?ver=4.2.1" media="all">
${jsonLd(c)}
${analytics(c, 'datalayer')}
${buildStamp(c, 'build')}
</head>
<body class="post-template-default single single-post postid-${postId} single-format-standard">
<div id="cookie-notice" role="dialog" aria-label="Cookie notice" class="cookie-notice-hidden">
  <div class="cookie-notice-container"><span id="cn-notice-text">We use cookies to measure our audience and show relevant ads. You can change your choice at any time.</span>
  <a href="#" id="cn-accept-cookie" class="cn-button">Accept all</a> <a href="#" id="cn-refuse-cookie" class="cn-button">Reject</a> <a href="/privacy/" class="cn-more-info">Privacy policy</a></div>
</div>
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
  <div class="site-branding"><p class="site-title"><a href="/" rel="home">${esc(o.name)}</a></p><p class="site-description">${esc(o.tagline)}</p></div>
  <nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
${nav.map((n) => `    <li class="menu-item"><a href="${n.href}">${esc(n.label)}</a></li>`).join('\n')}
  </ul></nav>
  <div class="header-cta"><a class="button" href="/subscribe/">Subscribe</a></div>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a> &raquo; <a href="/category/${esc(a.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}/">${esc(a.section)}</a> &raquo; <span class="breadcrumb_last">${esc(a.title)}</span></nav>
<article id="post-${postId}" class="post-${postId} post type-post status-publish has-post-thumbnail">
<header class="entry-header">
  <span class="cat-links"><a href="/category/${esc(a.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}/" rel="category tag">${esc(a.section)}</a></span>
  <h1 class="entry-title">${esc(a.title)}</h1>
${a.standfirst ? `  <p class="entry-subtitle">${esc(a.standfirst)}</p>\n` : ''}  <div class="entry-meta">${byline} <span class="posted-on"><time class="entry-date published" datetime="${c.published}">${esc(humanDate(c.published, 'us'))}</time></span>${updated}</div>
  <div class="share-top"><a class="share-x" href="https://x.example/intent/post?url=${encodeURIComponent(c.url)}">Share on X</a> <a class="share-li" href="https://linkedin.example/share?url=${encodeURIComponent(c.url)}">LinkedIn</a> <a class="share-wa" href="https://wa.example/send?text=${encodeURIComponent(c.url)}">WhatsApp</a> <a class="share-mail" href="mailto:?subject=${encodeURIComponent(a.title)}">Email</a></div>
</header>
<figure class="post-thumbnail wp-block-image"><img src="${image}" width="1200" height="675" alt="" loading="eager"><figcaption class="wp-element-caption">${esc(caption)}</figcaption></figure>
<div class="entry-content">
${blocksHtml(a.blocks).join('\n')}
<div class="wp-block-group newsletter-inline"><h3>Get Health Cyber Daily in your inbox</h3><p>The day's healthcare security news, every weekday morning. Free.</p>
<form action="/newsletter/subscribe" method="post"><input type="email" name="email" placeholder="Work email"><button type="submit">Sign up</button></form></div>
</div>
<footer class="entry-footer"><span class="tags-links">Filed under <a href="/category/${esc(a.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}/">${esc(a.section)}</a></span></footer>
</article>
<section class="related-posts"><h2 class="related-title">Related stories</h2><ul>
${relatedLinks(c)
  .map((r) => `  <li><a href="${esc(r.href)}">${esc(r.title)}</a></li>`)
  .join('\n')}
</ul></section>
<div id="comments" class="comments-area"><h2 class="comments-title">Comments</h2><p class="no-comments">Be the first to comment.</p><a href="#respond" class="comment-reply-link">Click here to comment</a></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_ad"><div id="hcd-rail-1" class="ad-slot">Advertisement</div></section>
<section class="widget widget_popular"><h2 class="widget-title">Most read</h2><ol>${relatedLinks(c)
    .slice(0, 3)
    .map((r) => `<li><a href="${esc(r.href)}">${esc(r.title)}</a></li>`)
    .join('')}</ol></section></aside>
</div>
<footer id="colophon" class="site-footer"><nav class="footer-navigation"><a href="/about/">About</a> | <a href="/contact/">Contact</a> | <a href="/advertise/">Advertise</a> | <a href="/privacy/">Privacy</a> | <a href="/feed.xml">RSS</a></nav>
<div class="site-info">${esc(copyright(c))}. All rights reserved.</div></footer>
</div>
${adLoader(c, ['rail', 'incontent'])}
</body>
</html>
`;
}

export const template: Template = { render, assets: { [IMAGE]: placeholderSvg('Health Cyber Daily', '#1f4e79') } };
