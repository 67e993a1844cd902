// The Delhi Chronicle: an older hand-rolled newspaper CMS (div soup, underscores, inline "Also read").
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
import { adLoader, analytics, buildStamp, leakedHtml } from '../scripts.ts';
import { esc, hashNum, humanDate } from '../util.ts';

function render(c: PageCtx): string {
  const { a, o } = c;
  const storyId = 90_000_000 + (hashNum(a.id) % 9_000_000);
  const mid = midIndex(a.blocks);
  const also = c.alsoRead;
  const alsoBox = also
    ? `<div class="also_read_box"><strong>Also read:</strong> <a href="${esc(urlOf(c.corpus, also))}">${esc(also.title)}</a></div>`
    : '';
  const body = blocksHtml(a.blocks, {}, (i) => (i === mid ? alsoBox : ''));
  if (a.standfirst) body.unshift(`<p>${esc(a.standfirst)}</p>`);
  const nav = navLinks(c, (s) => `/${s}/`);
  return `<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
${metaBasics(c).join('\n')}
<meta name="keywords" content="${esc([a.section, 'Delhi', 'news'].join(', '))}">
<meta name="news_keywords" content="${esc(a.section)}">
${twitterCard(c).join('\n')}
${openGraph(c).join('\n')}
<link rel="alternate" type="application/rss+xml" href="https://${o.host}/feed.xml">
<link href="/static/css/dc-main.min.css?v=2019" rel="stylesheet">
<script src="/static/js/jquery-1.12.4.min.js"></script>
${buildStamp(c, 'cms')}
${analytics(c, 'queue')}
${adLoader(c, ['top_728', 'story_mid', 'rhs_300'])}
${jsonLd(c, { indent: 2 })}
</head>
<body class="story_page">
<div id="cookieConsent" class="cookie_strip">This website uses cookies to improve your experience. By continuing you agree to our <a href="/cookie-policy.html">cookie policy</a>. <button class="btn_accept" type="button">Accept all</button> <button class="btn_settings" type="button">Settings</button></div>
<div class="wrapper">
<div class="top_strip"><span class="date_today">New Delhi</span> <a href="/epaper/">E-Paper</a> | <a href="/subscribe/">Subscribe</a> | <a href="/login/">Sign in</a></div>
<div class="header"><div class="logo"><a href="/"><img src="/static/img/dc-logo.png" alt="${esc(o.name)}"></a></div><div class="ad_top" id="top_728">Advertisement</div></div>
<div class="topnav"><ul>
<li><a href="/">Home</a></li>
${nav.map((n) => `<li><a href="${n.href}">${esc(n.label)}</a></li>`).join('\n')}
</ul></div>
<div class="main_container">
<div class="left_col">
<div class="breadcrumb"><a href="/">Home</a> / <a href="/${esc(a.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}/">${esc(a.section)}</a> / <span>${esc(a.title)}</span></div>
<div class="story_section" id="story_${storyId}">
<h1 class="story_title">${esc(a.title)}</h1>
${a.standfirst ? `<h2 class="synopsis">${esc(a.standfirst)}</h2>\n` : ''}<div class="author_dtl"><span class="author_name">${a.author ? `By <a href="/author/${esc(a.author.toLowerCase().replace(/[^a-z]+/g, '-'))}/">${esc(a.author)}</a>` : 'Chronicle News Service'}</span> | <span class="dateline"><time datetime="${c.published}">${esc(humanDate(c.published, 'in'))}</time></span></div>
<div class="social_share"><a class="fb" href="https://social.example/share?u=${encodeURIComponent(c.url)}">Facebook</a><a class="tw" href="https://x.example/intent/post?url=${encodeURIComponent(c.url)}">Share on X</a><a class="wa" href="whatsapp://send?text=${encodeURIComponent(c.url)}">WhatsApp</a><a class="cmt" href="#comments">Comments</a></div>
<div class="story_content" id="storyBody">
${body.join('\n')}
${a.leak_script ? leakedHtml(c) : ''}
</div>
<div class="tags_box"><span>Tags:</span> <a href="/tag/${esc(a.section.toLowerCase())}/">${esc(a.section)}</a> <a href="/tag/delhi/">Delhi</a></div>
<div class="newsletter_box"><p class="nl_head">Get the Chronicle's morning briefing</p><p>Top stories from Delhi and India, delivered before breakfast.</p><input type="text" placeholder="Enter your email"><a class="nl_btn" href="/newsletters/">Subscribe</a></div>
<div class="comment_wrap" id="comments"><a id="cmtToggle" href="javascript:void(0)">Click here to comment</a><div class="comment-box" style="display:none"><p>Be the first to comment.</p><p class="cmt_note">Comments are moderated and will appear after approval.</p></div></div>
</div>
<div class="related_news"><h3>Related Stories</h3><ul>
${relatedLinks(c)
  .map((r) => `<li><a href="${esc(r.href)}">${esc(r.title)}</a></li>`)
  .join('\n')}
</ul></div>
</div>
<div class="right_col"><div class="ad_rhs" id="rhs_300">Advertisement</div><div class="trending"><h3>Trending</h3><ol>${relatedLinks(
    c,
  )
    .slice(1)
    .map((r) => `<li><a href="${esc(r.href)}">${esc(r.title)}</a></li>`)
    .join('')}</ol></div></div>
</div>
<div class="footer"><div class="footer_links"><a href="/about-us.html">About Us</a> | <a href="/contact-us.html">Contact Us</a> | <a href="/advertise.html">Advertise with Us</a> | <a href="/privacy-policy.html">Privacy Policy</a> | <a href="/feed.xml">RSS</a></div>
<p class="copyright">Copyright ${esc(copyright(c))}. All rights reserved.</p></div>
</div>
</body>
</html>
`;
}

export const template: Template = { render };
