// Inline scripts of the demo pages: analytics, ad loaders, build stamps with a later (decoy) date,
// and the script source that some Indian CMS templates print as visible text.
import type { PageCtx } from './context.ts';
import { esc, escText, hashNum, pick, scriptJson } from './util.ts';

const tag = (js: string) => `<script>\n${js}\n</script>`;
const siteCode = (c: PageCtx) => c.o.key.slice(0, 3).toUpperCase() + String(1000 + (hashNum(c.o.key) % 9000));

/** Analytics bootstrap; `style` picks one of a few vendor-like shapes. */
export function analytics(c: PageCtx, style: 'queue' | 'datalayer' | 'beacon'): string {
  const meta = { section: c.a.section, author: c.a.author ?? null, type: c.a.kind, id: c.a.id };
  if (style === 'datalayer') {
    return tag(`window.dataLayer = window.dataLayer || [];
dataLayer.push(${scriptJson({ event: 'pageview', page: meta, property: siteCode(c) }, undefined, true)});
(function(w,d){var s=d.createElement('script');s.async=1;s.src='https://tags.metricsbox.example/m.js?id=${siteCode(c)}';d.head.appendChild(s);})(window,document);`);
  }
  if (style === 'beacon') {
    return tag(`(function(){
  var payload = ${scriptJson(meta, undefined, true)};
  payload.ref = document.referrer; payload.w = window.innerWidth;
  if (navigator.sendBeacon) { navigator.sendBeacon('https://beacon.pagecount.example/v2/${c.o.key}', JSON.stringify(payload)); }
})();`);
  }
  return tag(`var _stq = window._stq || [];
_stq.push(['setAccount', '${siteCode(c)}']);
_stq.push(['setCustom', ${scriptJson(meta, undefined, true)}]);
_stq.push(['trackView']);`);
}

/** An ad loader with slot definitions. */
export function adLoader(c: PageCtx, slots: string[]): string {
  return tag(`window.adq = window.adq || { cmd: [] };
adq.cmd.push(function () {
${slots.map((s, i) => `  adq.defineSlot('/${(hashNum(c.o.host) % 90000) + 10000}/${c.o.key}/${s}', [[300, 250], [728, 90]], '${s}-${i + 1}');`).join('\n')}
  adq.enableLazyLoad({ fetchMarginPercent: 200 });
  adq.display();
});
(function () { var s = document.createElement('script'); s.async = true;
  s.src = 'https://cdn.adserve-network.example/tag/loader.js?site=${encodeURIComponent(c.o.host)}';
  document.getElementsByTagName('head')[0].appendChild(s); })();`);
}

/** A build/cache stamp carrying a later date than the article: a trap for naive date extractors. */
export function buildStamp(c: PageCtx, style: 'build' | 'cms' | 'cache'): string {
  const d = c.decoyDate;
  if (style === 'build')
    return tag(`window.__BUILD__ = {generated: "${d}", release: "4.${hashNum(d) % 20}.${hashNum(c.o.key) % 9}"};`);
  if (style === 'cms')
    return tag(
      `var cmsPageInfo = {"renderedAt":"${d.replace('T', ' ').replace('Z', '')}","template":"story-v3","node":${(hashNum(c.a.id) % 900000) + 100000}};`,
    );
  const t = new Date(Date.parse(d)).toUTCString();
  return tag(`var EH_PAGE = { cached: "${t}", edge: "lon-2" };`);
}

/** A script-looking JSON data island like those single-page frameworks embed. */
export function dataIsland(c: PageCtx, id: string, extra: Record<string, unknown>): string {
  return `<script id="${esc(id)}" type="application/json">${scriptJson({ props: { page: { id: c.a.id, section: c.a.section } }, ...extra })}</script>`;
}

const TOGGLES = ['cmtToggle', 'commentBtn', 'showComments', 'cmt-open', 'jsCommentLink'];
const DOMAINS = ['connect.socialplugin.example', 'sdk.friendgraph.example', 'widgets.sharekit.example'];
const LOCALES = ['en_GB', 'en_US', 'en_IN', 'hi_IN'];
const SDK_IDS = ['social-jssdk', 'fg-jssdk', 'sk-sdk'];
const BOXES = ['.comment-box', '.cmt-wrap', '#commentsArea', '.fb-comments-holder'];

/**
 * jQuery + social SDK source as it leaks into some Indian pages' text (the CMS prints it after the
 * story). Identifiers, domain and line breaks vary per article.
 */
export function leakedScript(c: PageCtx): string {
  const k = c.seed;
  const toggle = pick(`t${k}`, TOGGLES);
  const appId = 100000000 + (hashNum(`app${k}`) % 900000000);
  const src = `//${pick(`d${k}`, DOMAINS)}/${pick(`l${k}`, LOCALES)}/sdk.js#xfbml=1&version=v${2 + (hashNum(k) % 9)}.0&appId=${appId}`;
  const sdk = `(function(d, s, id){ var js, fjs = d.getElementsByTagName(s)[0]; if (d.getElementById(id)) return; js = d.createElement(s); js.id = id; js.src = "${src}"; fjs.parentNode.insertBefore(js, fjs); }(document, 'script', '${pick(`s${k}`, SDK_IDS)}'));`;
  const head = `$(document).ready(function(){`;
  const rest = `$('#${toggle}').on("click",function(){ ${sdk} $("${pick(`b${k}`, BOXES)}").toggle(); }); });`;
  const variant = hashNum(`v${k}`) % 4;
  const ads = `var adSlots = ["${c.o.key}_story_mid", "${c.o.key}_story_btf", "${c.o.key}_rhs_${hashNum(k) % 9}"];`;
  if (variant === 0) return `${head} ${rest}`;
  if (variant === 1) return `${head}\n${rest}`;
  if (variant === 2) return `${ads}\n${head} ${rest}`;
  return `${ads} ${head}\n${rest}`;
}

/** How the leaked text sits after the last paragraph: bare, in a <p>, or in a div. */
export function leakedHtml(c: PageCtx): string {
  const text = escText(leakedScript(c));
  switch (hashNum(`w${c.seed}`) % 3) {
    case 0:
      return `\n${text}\n`;
    case 1:
      return `<p>${text}</p>`;
    default:
      return `<div class="embed-code">${text}</div>`;
  }
}
