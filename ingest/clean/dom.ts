// Pre-clean: strip what is never article text (scripts, chrome, widgets, hidden parts) before scoring.
import { DROP_TAGS } from './parse.ts';
import { attr, elements, removeAll, type HElement, type HNode } from './tree.ts';

const CHROME_ROLES = /^(navigation|complementary|contentinfo|dialog|alertdialog|search|banner|menu|menubar|toolbar)$/i;

// Matched against class, id, aria-label and data-component: widget names seen across news sites.
const WIDGET =
  /cookie|consent|gdpr|newsletter|subscri|disqus|outbrain|taboola|comment|cmnt|share|sharing|social|related|recommend|promo|advert|sponsor|popup|modal|crumb|caption|photo-?credit|most-?(read|popular)|trending|read-?more|also-?read|more-?stories|sidebar|byline|author|dateline|timestamp|reading-?time|skip-?link|screen-reader|sr-only|visually-hidden|signup|sign-up|breadcrumb|pagination|pager|toolbar|masthead|site-?header|site-?footer|footer|tagcloud|taglist|post-?tags|in-?case-?you-?missed|further-?reading|you-?may-?like|next-?article|prev-?article|print-?only|hidden-?print|wp-caption-text|img-?credit|image-?credit|gallery|slideshow|carousel|lightbox|rating|vote|poll|donate|jump-?link|toc\b/i;
// Short words only count as whole tokens ("meta" in "entry-meta", not in "metadata-free").
const AD_TOKEN =
  /(^|[\s_-])(ads?|ad-slot|banner-ad|dfp|tags?|meta|kicker|eyebrow|credit|nav|menu|hidden|hide|widget|bio|date|time|print|email|rss|follow)([\s_-]|$)/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const KEEP_NAMES =
  /article-?body|story-?body|post-?body|entry-?content|post-?content|article-?content|articlebody|main-?content|content-?body/i;

function describeEl(el: HElement): string {
  const a = el.attribs;
  let s = '';
  if (a.class) s += a.class + ' ';
  if (a.id) s += a.id + ' ';
  if (a['aria-label']) s += a['aria-label'] + ' ';
  if (a['data-component']) s += a['data-component'];
  return s;
}

function isHidden(el: HElement): boolean {
  const a = el.attribs;
  return a.hidden != null || a['aria-hidden'] === 'true' || (a.style != null && HIDDEN_STYLE.test(a.style));
}

// Microdata copies of the metadata, printed in hidden blocks.
const META_PROPS =
  /^(headline|name|alternativeHeadline|datePublished|dateCreated|dateModified|keywords|author|publisher|url|image|mainEntityOfPage|thumbnailUrl|logo|interactionCount|wordCount|inLanguage|creator)$/;

function isChrome(el: HElement): boolean {
  const ip = el.attribs.itemprop;
  if (ip && META_PROPS.test(ip) && el.name !== 'article') return true;
  if (CHROME_ROLES.test(attr(el, 'role') ?? '')) return true;
  const words = describeEl(el);
  if (!words) return false;
  return WIDGET.test(words) || AD_TOKEN.test(words);
}

/** Text lengths of every element, computed bottom-up once (whitespace runs count as one character). */
export function textLengths(root: HNode): Map<HNode, number> {
  const all = elements(root);
  const len = new Map<HNode, number>();
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i];
    let n = 0;
    for (const c of el.children) {
      if (c.type === 'text') n += (c.data ?? '').replace(/\s+/g, ' ').length;
      else n += len.get(c) ?? 0;
    }
    len.set(el, n);
  }
  return len;
}

/** Never remove the article itself: a wrapper named "has-comments" may hold the whole story. */
function isProtected(el: HElement, len: Map<HNode, number>, bodyLen: number, keep: Set<HNode>): boolean {
  const tag = el.name;
  if (tag === 'html' || tag === 'body') return true;
  if (keep.has(el)) return true;
  return bodyLen > 500 && (len.get(el) ?? 0) > bodyLen * 0.5;
}

export function precleanTree(root: HNode): void {
  const doomed: HNode[] = [];
  // Comments, directives and dropped tags first.
  const stack: HNode[] = [root];
  while (stack.length) {
    const n = stack.pop() as HNode;
    const kids = n.children;
    if (!kids) continue;
    for (const c of kids) {
      if (
        c.type === 'comment' ||
        c.type === 'directive' ||
        c.type === 'cdata' ||
        c.type === 'script' ||
        c.type === 'style' ||
        (c.type === 'tag' && DROP_TAGS.has(c.name as string))
      )
        doomed.push(c);
      else if (c.children) stack.push(c);
    }
  }
  removeAll(doomed);
  const len = textLengths(root);
  let bodyLen = 0;
  for (const c of root.children ?? []) bodyLen += len.get(c) ?? 0;
  // Ancestors of the article body and of <article>/<main> are kept whatever their class says.
  const keep = new Set<HNode>();
  const anchor = (e: HElement) =>
    ((e.name === 'article' || e.name === 'main') && (len.get(e) ?? 0) >= 500) ||
    attr(e, 'itemprop') === 'articleBody' ||
    KEEP_NAMES.test(describeEl(e));
  for (const el of elements(root, anchor)) {
    for (let p: HNode | null = el; p; p = p.parent) {
      if (keep.has(p)) break;
      keep.add(p);
    }
  }
  const chrome: HNode[] = [];
  const walkStack: HNode[] = [root];
  while (walkStack.length) {
    const n = walkStack.pop() as HNode;
    for (const c of n.children ?? []) {
      if (c.type !== 'tag') continue;
      const el = c as HElement;
      if ((isHidden(el) || isChrome(el)) && !isProtected(el, len, bodyLen, keep)) chrome.push(el);
      else walkStack.push(el);
    }
  }
  removeAll(chrome);
}
