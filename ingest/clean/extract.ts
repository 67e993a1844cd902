// Find the article body in a pre-cleaned tree: paragraphs vote for their containers, the best container wins,
// then siblings that read like the same story join it (lead paragraphs often sit just outside the body).
import { attr, elements, type HElement, type HNode } from './tree.ts';

export interface Stat {
  /** characters of text (whitespace runs count once) */
  text: number;
  /** characters inside links */
  link: number;
  commas: number;
  /** characters of inline text: the element's text nodes and those of inline children (for inline elements too) */
  own: number;
  score: number;
}

const PARA_TAGS = new Set(['p', 'pre', 'td', 'blockquote', 'dd']);
const DIV_LIKE = new Set(['div', 'section', 'article', 'main', 'center', 'body']);
/** Inline elements: their text belongs to the nearest block around them. */
export const INLINE = new Set([
  'a',
  'span',
  'em',
  'strong',
  'b',
  'i',
  'u',
  'font',
  'small',
  'big',
  'sup',
  'sub',
  'mark',
  'abbr',
  'cite',
  'q',
  'time',
  'code',
  'label',
  's',
  'del',
  'ins',
  'tt',
  'br',
  'img',
  'wbr',
  'var',
  'kbd',
  'samp',
  'bdi',
  'bdo',
  'dfn',
  'nobr',
]);
const POSITIVE = /article|body|content|entry|main|page|post|text|blog|story|prose|paragraph|rich-?text|hentry/i;
const NEGATIVE =
  /comment|meta|footer|footnote|related|share|sidebar|sponsor|widget|promo|teaser|card|listing|tags?\b|author|byline|headline|header|nav|menu|signup|subscribe|newsletter|caption|credit|combx|contact|masthead|media|outbrain|scroll|shoutbox|skyscraper|ad-|popup|hidden/i;
const NOT_PARA = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'th',
  'header',
  'address',
  'dt',
  'caption',
  'legend',
  'summary',
]);
const COMMAS = /[,，、،]/g;

export function stats(root: HNode): Map<HNode, Stat> {
  const all = elements(root);
  const map = new Map<HNode, Stat>();
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i];
    const s: Stat = { text: 0, link: 0, commas: 0, own: 0, score: 0 };
    for (const c of el.children) {
      if (c.type === 'text') {
        const d = c.data ?? '';
        const n = d.length < 2 ? d.length : d.replace(/\s+/g, ' ').length;
        s.text += n;
        if (n > 1 && d.trim()) s.own += n;
        if (d.indexOf(',') >= 0 || d.indexOf('，') >= 0 || d.indexOf('、') >= 0)
          s.commas += (d.match(COMMAS) ?? []).length;
      } else {
        const k = map.get(c);
        if (!k) continue;
        s.text += k.text;
        s.link += k.link;
        s.commas += k.commas;
        if (INLINE.has(c.name as string)) s.own += k.own;
      }
    }
    if (el.name === 'a') s.link = s.text;
    map.set(el, s);
  }
  return map;
}

export const density = (s: Stat | undefined): number => (!s || !s.text ? 0 : s.link / s.text);

function classWeight(el: HElement): number {
  const words = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  if (words.length < 2) return 0;
  let w = 0;
  if (NEGATIVE.test(words)) w -= 25;
  if (POSITIVE.test(words)) w += 25;
  if (attr(el, 'itemprop') === 'articleBody') w += 50;
  return w;
}

function baseScore(el: HElement): number {
  const tag = el.name;
  let b = classWeight(el);
  if (tag === 'article') b += 10;
  else if (tag === 'div' || tag === 'main' || tag === 'section') b += 5;
  else if (tag === 'pre' || tag === 'td' || tag === 'blockquote') b += 3;
  else if (tag === 'ol' || tag === 'ul' || tag === 'dl' || tag === 'form' || tag === 'li') b -= 3;
  else if (/^h[1-6]$/.test(tag) || tag === 'th') b -= 5;
  return b;
}

/** Elements whose own text reads like a paragraph. */
function isParagraph(el: HElement, s: Stat): boolean {
  if (PARA_TAGS.has(el.name)) return s.text >= 25;
  return !INLINE.has(el.name) && !NOT_PARA.has(el.name) && s.own >= 25;
}

export interface Picked {
  top: HElement;
  nodes: HNode[];
  stats: Map<HNode, Stat>;
}

export function pickArticle(root: HNode): Picked | null {
  const st = stats(root);
  const scored = new Set<HElement>();
  const add = (el: HNode | null, v: number) => {
    if (!el || el.type !== 'tag' || !el.name) return;
    const s = st.get(el);
    if (!s) return;
    if (!scored.has(el as HElement)) {
      scored.add(el as HElement);
      s.score = baseScore(el as HElement);
    }
    s.score += v;
  };
  for (const el of elements(root)) {
    const s = st.get(el) as Stat;
    if (!isParagraph(el, s)) continue;
    const ld = density(s);
    if (ld > 0.5) continue;
    const v = (1 + s.commas + Math.min(Math.floor(s.text / 100), 3)) * (1 - ld);
    if (!PARA_TAGS.has(el.name)) add(el, v);
    let target: HNode | null = el.parent;
    for (let level = 0; target && level < 3; level++, target = target.parent)
      add(target, level === 0 ? v : v / (level * 2));
  }
  let top: HElement | null = null;
  let best = -Infinity;
  for (const el of scored) {
    const s = st.get(el) as Stat;
    s.score *= 1 - density(s);
    if (s.score > best) {
      best = s.score;
      top = el;
    }
  }
  if (!top) return null;
  top = climb(top, st);
  const parts = splitParts(top, best, scored, st);
  const nodes = withSiblings(top, st);
  if (parts.length === 0) return { top, nodes, stats: st };
  const order = new Map<HNode, number>();
  elements(root).forEach((el, i) => order.set(el, i));
  const all = [...nodes, ...parts].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { top, nodes: all, stats: st };
}

/** Long stories split into chunks (between ads, or in layout sections) leave strong candidates near the top one. */
function splitParts(top: HElement, best: number, scored: Set<HElement>, st: Map<HNode, Stat>): HElement[] {
  const chain = (n: HNode) => {
    const a: HNode[] = [];
    for (let p: HNode | null = n; p; p = p.parent) a.push(p);
    return a;
  };
  const topChain = chain(top);
  const near = new Map<HNode, number>();
  topChain.slice(1, 6).forEach((a, i) => {
    if (a.name !== 'body' && a.name !== 'html' && a.type === 'tag') near.set(a, i + 1);
  });
  const strong = [...scored]
    .filter((e) => {
      const s = st.get(e) as Stat;
      return e !== top && s.score >= best * 0.3 && density(s) < 0.25 && s.text >= 150;
    })
    .sort((a, b) => (st.get(b) as Stat).score - (st.get(a) as Stat).score);
  const chosen: HElement[] = [];
  const chains = new Map<HNode, HNode[]>([[top, topChain]]);
  const overlaps = (c: HNode[], e: HNode) => [...chains].some(([k, kc]) => c.includes(k) || kc.includes(e));
  for (const e of strong) {
    const c = chain(e);
    if (overlaps(c, e)) continue;
    if (!c.some((a) => near.has(a))) continue;
    chosen.push(e);
    chains.set(e, c);
  }
  return chosen;
}

/** A container whose parent holds much the same text is the body split in parts: take the parent. */
function climb(top: HElement, st: Map<HNode, Stat>): HElement {
  let cur = top;
  for (let i = 0; i < 4; i++) {
    const p = cur.parent as HElement | null;
    if (!p || p.type !== 'tag' || p.name === 'body' || p.name === 'html') break;
    const ps = st.get(p) as Stat,
      cs = st.get(cur) as Stat;
    if (ps.score >= cs.score * 0.9 && density(ps) < 0.3 && cs.text >= ps.text * 0.6) cur = p;
    else break;
  }
  return cur;
}

function withSiblings(top: HElement, st: Map<HNode, Stat>): HNode[] {
  const parent = top.parent;
  if (!parent?.children) return [top];
  const ts = st.get(top) as Stat;
  const threshold = Math.max(10, ts.score * 0.2);
  const out: HNode[] = [];
  let before = true;
  for (const sib of parent.children) {
    if (sib === top) {
      out.push(sib);
      before = false;
      continue;
    }
    if (sib.type !== 'tag') continue;
    const s = st.get(sib);
    if (!s || !s.text) continue;
    const ld = density(s);
    if (s.score >= threshold && ld < 0.3) {
      out.push(sib);
      continue;
    }
    // A wrapper without text of its own joins only as a short lead just before the body (a standfirst).
    if (sib.name === 'p' || (DIV_LIKE.has(sib.name as string) && (s.own > 0 || (before && s.text < 400)))) {
      if (s.text > 80 && ld < 0.25) out.push(sib);
      else if (s.text > 20 && ld === 0 && /[.!?]["'”’]?\s*$/.test(textTail(sib))) out.push(sib);
    }
  }
  return out;
}

function textTail(n: HNode): string {
  let cur: HNode | undefined = n;
  while (cur && cur.type !== 'text') cur = cur.children?.findLast((c) => (c.type === 'text' ? !!c.data?.trim() : true));
  return cur?.data ?? '';
}
