// Parse once with linkedom, then strip what is never article text before Readability scores the page.
import { parseHTML } from 'linkedom';

/** Parse HTML into a document that always has <html>, <head> and <body> (Readability needs them). */
export function parseDocument(html: string): Document {
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(wrapped).document as unknown as Document;
}

// Figures go too: captions and photo credits ("Picture: stock image") are not article prose.
const DROP_TAGS = 'script,style,noscript,iframe,template,svg,canvas,object,embed,button,input,select,textarea,dialog,link,figure,figcaption';
const CHROME_TAGS = 'nav,aside,footer';
const CHROME_ROLES = /^(navigation|complementary|contentinfo|dialog|alertdialog|search)$/i;

// Matched against class, id, aria-label and data-component: widget names seen across news sites.
const WIDGET = /cookie|consent|gdpr|newsletter|subscri|disqus|outbrain|taboola|comment|cmnt|share|sharing|social|related|recommend|promo|advert|sponsor|paywall|popup|modal|crumb|caption|photo-?credit|most-?(read|popular)|trending|read-?more|also-?read|more-?stories|sidebar|byline|author|dateline|timestamp|reading-?time|skip-?link|screen-reader|sr-only|visually-hidden/i;
// Short words only count as whole tokens ("meta" in "entry-meta", not in "metadata-free").
const AD_TOKEN = /(^|[\s_-])(ads?|ad-slot|banner-ad|dfp|tags?|meta|kicker|eyebrow|credit)([\s_-]|$)/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function describeEl(el: Element): string {
  return [el.getAttribute('class'), el.getAttribute('id'), el.getAttribute('aria-label'), el.getAttribute('data-component')]
    .filter(Boolean).join(' ');
}

function isHidden(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || HIDDEN_STYLE.test(el.getAttribute('style') ?? '');
}

function isChrome(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  if (tag === 'nav' || tag === 'aside' || tag === 'footer') return true;
  if (CHROME_ROLES.test(el.getAttribute('role') ?? '')) return true;
  const words = describeEl(el);
  return WIDGET.test(words) || AD_TOKEN.test(words);
}

/** Never remove the article itself: a wrapper named "has-comments" may hold the whole story. */
function isProtected(el: Element, bodyTextLength: number): boolean {
  const tag = el.tagName.toLowerCase();
  if (tag === 'html' || tag === 'body' || tag === 'main' || tag === 'article') return true;
  if (el.querySelector('article, main, [itemprop="articleBody"]')) return true;
  return bodyTextLength > 500 && (el.textContent ?? '').length > bodyTextLength * 0.5;
}

export function precleanDocument(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(DROP_TAGS))) el.remove();
  const bodyText = (doc.body?.textContent ?? '').length;
  const candidates = Array.from(doc.querySelectorAll("body *"));
  for (const el of candidates) {
    if (!el.isConnected) continue; // an ancestor went already
    if (isHidden(el) || el.matches(CHROME_TAGS) || isChrome(el)) {
      if (!isProtected(el, bodyText)) el.remove();
    }
  }
}
