// EuroHealth IT Review: an ageing XHTML-era CMS served as windows-1252 (ids for layout, table footer).
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
import { esc, humanDate, pick } from '../util.ts';

const IMAGE = '/images/stories/ehit-default.svg';

function render(c: PageCtx): string {
  const { a, o } = c;
  const nav = navLinks(c, (s) => `/${s}/index.html`);
  const caption = pick(a.id, [
    'Picture: EuroHealth IT Review library',
    'Image for illustration only',
    'Picture: stock image',
  ]);
  const [first, ...rest] = blocksHtml(a.blocks);
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="${o.lang}" xml:lang="${o.lang}">
<head>
<meta charset="windows-1252" />
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252" />
${metaBasics(c)
  .map((t) => t.replace(/">$/, '" />'))
  .join('\n')}
${openGraph(c, IMAGE)
  .map((t) => t.replace(/">$/, '" />'))
  .join('\n')}
${twitterCard(c)
  .map((t) => t.replace(/">$/, '" />'))
  .join('\n')}
<link rel="alternate" type="application/rss+xml" title="EuroHealth IT Review RSS" href="https://${o.host}/rss.xml" />
<link rel="stylesheet" type="text/css" href="/css/ehit_2012.css" />
${jsonLd(c, { asciiOnly: true })}
${buildStamp(c, 'cache')}
${analytics(c, 'beacon')}
</head>
<body id="article">
<div id="cookiebar"><p>We use cookies on this website. Some are essential; others help us improve the site. <a href="/cookies.html">Find out more</a></p><a href="#" id="cookiebar-accept" class="btn">Accept all</a></div>
<div id="container">
<div id="header"><div id="logo"><a href="/"><img src="/images/ehit_logo.gif" alt="${esc(o.name)}" width="320" height="60" /></a></div>
<div id="search"><form action="/search.php" method="get"><input type="text" name="q" /><input type="submit" value="Search" /></form></div></div>
<div id="navigation"><ul>
<li class="first"><a href="/">Home</a></li>
${nav.map((n) => `<li><a href="${n.href}">${esc(n.label)}</a></li>`).join('\n')}
</ul></div>
<div id="crumbs">You are here: <a href="/">Home</a> &gt; <a href="/${esc(a.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}/index.html">${esc(a.section)}</a> &gt; ${esc(a.title)}</div>
<div id="content">
<div id="main">
<div class="article">
<h1>${esc(a.title)}</h1>
${a.standfirst ? `<p class="intro"><strong>${esc(a.standfirst)}</strong></p>\n` : ''}<p class="byline">${a.author ? `By ${esc(a.author)}, ` : ''}<span class="date"><time datetime="${c.published}">${esc(humanDate(c.published, 'gb'))}</time></span>${a.modified ? ` (last updated <time datetime="${c.modified}">${esc(humanDate(c.modified, 'gb'))}</time>)` : ''}</p>
<div class="sharethis"><span>Share:</span> <a href="https://x.example/intent/post?url=${encodeURIComponent(c.url)}">Share on X</a> | <a href="https://wa.example/send?text=${encodeURIComponent(c.url)}">WhatsApp</a> | <a href="mailto:?subject=${encodeURIComponent(a.title)}">Email a friend</a> | <a href="javascript:window.print()">Print</a></div>
<div class="articletext">
${first}
<div class="imgright"><img src="${IMAGE}" width="300" height="169" alt="" /><p class="imgcaption">${esc(caption)}</p></div>
${rest.join('\n')}
</div>
<div class="comments"><h3>Comments</h3><p>Be the first to comment on this article.</p><p><a href="/comment.php?article=${esc(a.id)}">Click here to comment</a></p></div>
</div>
<div class="related"><h3>Related stories</h3><ul>
${relatedLinks(c)
  .map((r) => `<li><a href="${esc(r.href)}">${esc(r.title)}</a></li>`)
  .join('\n')}
</ul></div>
</div>
<div id="sidebar">
<div class="box newsletter"><h3>Free e-newsletter</h3><p>Sign up for the weekly EuroHealth IT bulletin.</p><form action="/newsletter.php" method="post"><input type="text" name="email" value="Your e-mail" /><input type="submit" value="Sign up" /></form></div>
<div class="box advert" id="mpu">Advertisement</div>
</div>
</div>
<table id="footer" width="100%"><tr><td><a href="/about.html">About us</a> · <a href="/contact.html">Contact</a> · <a href="/advertising.html">Advertising</a> · <a href="/privacy.html">Privacy</a> · <a href="/rss.xml">RSS</a></td><td class="right">${esc(copyright(c))}</td></tr></table>
</div>
${adLoader(c, ['mpu'])}
</body>
</html>
`;
}

export const template: Template = { render, assets: { [IMAGE]: placeholderSvg('EuroHealth IT Review', '#7a2e3b') } };
