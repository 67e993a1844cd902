// Links to other stories inside the article text ("Related: X Hospital hit by ransomware", a "Read more:" list) tell
// other incidents: their victims, groups and sums are no facts of this article. They are masked with spaces, so every
// offset into the text still holds.
import { listRe, type Lists } from './lists.ts';

const cache = new WeakMap<Lists, RegExp>();
function labelRe(lists: Lists): RegExp {
  let re = cache.get(lists);
  if (!re) {
    re = new RegExp(
      String.raw`^[\s>•·*–—-]*(?:${listRe(lists, 'page-aside-labels', 'iu').source})(?![\p{L}\p{N}])` +
        String.raw`\s*(?:[:|»›>–—-]|$)`,
      'iu',
    );
    cache.set(lists, re);
  }
  return re;
}
// a page's own promotion line, which may name another story to sell a newsletter: "Sign up for our daily newsletter
// for the latest news, including the X breach"
const promos = new WeakMap<Lists, RegExp>();
function promoRe(lists: Lists): RegExp {
  let re = promos.get(lists);
  if (!re) {
    re = new RegExp(String.raw`^[\s>•·*–—-]*(?:${listRe(lists, 'page-promo-lines', 'iu').source})`, 'iu');
    promos.set(lists, re);
  }
  return re;
}
const PROMO_OBJECT = /\b(?:newsletters?|inbox|alerts|briefings?|lettre d['’]information|bolet[ií]n)\b/i;
const COPYRIGHT = /^[\s>•·*]*(?:copyright\b|©|\(c\)\s*(?:19|20)\d\d)/i;
// a line of page chrome: short, with no closing stop, and laid out as a label, a byline or a time stamp
const CAPITAL_WORD = String.raw`(?:\p{Lu}[\p{L}.'’-]*|\d[\d,]*)`;
const CHROME_LAYOUT = new RegExp(
  String.raw`\s[|/·•]\s|\d{1,2}[:.]\d{2}\b|^[Bb]y\s|^\W*${CAPITAL_WORD}(?:[\s,]+${CAPITAL_WORD})*\W*$`,
  'u',
);
const CLOSED = /[.!?]["'”’)]?\s*$/;
export const chrome = (unit: string): boolean =>
  unit.length < 60 && !CLOSED.test(unit) && CHROME_LAYOUT.test(unit.trim());
// chrome by its layout: separators, a time of day, a byline
const LAID_OUT = /\s[|/·•>›]\s|\d{1,2}[:.]\d{2}\b|^[Bb]y\s/;
// a publication line set before the headline ("Published: 2025-03-01")
const PUBLISHED_LINE = /^\s*Published:/i;

// a headline under a label: short, no closing stop
const HEADLINE = /^[^\n]{3,150}$/;
const SENTENCE_END = /[.!?]["'”’]?\s*$/;

/** The text with lines of links to other stories (and copyright lines) blanked out (same length). */
export function maskAsides(text: string, lists: Lists): string {
  if (!/\n/.test(text)) return text;
  const label = labelRe(lists);
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // a copyright line names the publisher, never a party to the story: "Copyright © 2024 X. All Rights Reserved."
    if (COPYRIGHT.test(line)) {
      lines[i] = ' '.repeat(line.length);
      changed = true;
      continue;
    }
    if (PROMO_OBJECT.test(line) && promoRe(lists).test(line)) {
      lines[i] = ' '.repeat(line.length);
      changed = true;
      continue;
    }
    const m = label.exec(line);
    if (!m) continue;
    // "Read more: X" or "Related | X | Y": the line itself; a bare label: the headlines under it
    const bare = line.slice(m[0].length).trim() === '';
    lines[i] = ' '.repeat(line.length);
    changed = true;
    if (!bare) continue;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!;
      if (next.trim() === '') {
        if (j === i + 1) continue;
        break;
      }
      if (!HEADLINE.test(next.trim()) || SENTENCE_END.test(next)) break;
      lines[j] = ' '.repeat(next.length);
    }
  }
  // the page's chrome between the headline and the lead (a section label, a byline, a time stamp) names no party
  // to the story: "Health IT | Cybersecurity" is no victim (after the labels above: a label's headlines go with it)
  const head = lines.findIndex((l) => l.trim() !== '' && !PUBLISHED_LINE.test(l));
  if (head >= 0)
    for (let i = head + 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '') continue;
      if (!chrome(line)) break;
      // (one laid out as chrome: a line of capitalised words alone may be a name set above the story, and stays)
      if (!LAID_OUT.test(line.trim())) continue;
      lines[i] = ' '.repeat(line.length);
      changed = true;
    }
  return changed ? lines.join('\n') : text;
}
