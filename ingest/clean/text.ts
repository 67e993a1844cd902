// Article element → paragraphs, and the post-clean that drops leaked script source and widget prompts.

import type { HNode } from './tree.ts';

const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'blockquote',
  'pre',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'figcaption',
  'table',
  'tr',
  'td',
  'th',
  'dl',
  'dt',
  'dd',
  'hr',
  'br',
  'address',
  'details',
  'summary',
  'center',
  'caption',
  'tbody',
  'thead',
  'tfoot',
  'body',
  'html',
]);

/**
 * Walk the nodes and cut text at block boundaries; whitespace inside a block collapses to single spaces.
 * `skip` drops an element with everything inside it (link lists, headlines). Iterative: no stack overflow.
 */
export function paragraphsOf(roots: HNode[], skip: (el: HNode) => boolean = () => false): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = () => {
    const t = buf.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    buf = '';
  };
  const EXIT = null;
  const stack: (HNode | null)[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]);
  while (stack.length) {
    const n = stack.pop();
    if (n === EXIT) {
      flush();
      continue;
    }
    if (n === undefined) break;
    if (n.type === 'text') {
      buf += n.data ?? '';
      continue;
    }
    if (n.type !== 'tag' && n.type !== 'root') continue;
    if (n.type === 'tag' && skip(n)) continue;
    const block = n.type === 'root' || BLOCKS.has(n.name as string);
    if (block) {
      flush();
      stack.push(EXIT);
    }
    const kids = n.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  flush();
  return out;
}

// Where leaked page script starts: jQuery ready handlers, SDK loaders, declarations, DOM calls, CSS rules. Each
// pattern is tried only when the paragraph holds the literal it cannot match without (most prose holds none).
const SCRIPT_START: [RegExp, string | null][] = [
  [/\$\s*\(\s*(?:document|window|this|["'][^"']*["'])\s*\)\s*\.\s*[A-Za-z]+\s*\(/, '$'],
  [/\bjQuery\s*\(/, 'jQuery'],
  [/\bfunction\s*[\w$]*\s*\(\s*[\w$]*(?:\s*,\s*[\w$]+)*\s*\)\s*\{/, 'function'],
  [/\b(?:var|let|const)\s+[\w$]+(?:\s*,\s*[\w$]+)*\s*(?:=[^=]|;)/, null],
  [/\b[\w$.]+\.parentNode\.insertBefore\s*\(/, '.parentNode.insertBefore'],
  [
    /\bdocument\.(?:getElementById|getElementsByTagName|getElementsByClassName|createElement|querySelector(?:All)?|write|addEventListener)\s*\(/,
    'document.',
  ],
  [/\bwindow\.(?:dataLayer|googletag|fbAsyncInit|addEventListener|onload|location)\b/, 'window.'],
  [/\b(?:googletag|dataLayer|_gaq|fbq|gtag|twttr)\s*[.(]/, null],
  [/(?:^|\s)[.#]?[A-Za-z][\w-]*(?:\s+[.#]?[\w-]+)*\s*\{\s*[\w-]+\s*:[^}]*\}/, '{'],
  [/@media\s*[^{]*\{/, '@media'],
];

const CODE_CHARS = /[{}();=$<>[\]|&]/g;

/** Lines dense in code punctuation, or made only of brackets and semicolons, are not prose. */
function looksLikeCode(p: string): boolean {
  if (/^[\s{}()[\];,.'"]+$/.test(p)) return true;
  const n = (p.match(CODE_CHARS) ?? []).length;
  return n >= 6 && n / p.length > 0.05;
}

/** Keep the prose before leaked script in the same paragraph; null when nothing readable is left. */
export function stripScript(p: string): string | null {
  let cut = -1;
  for (const [re, needs] of SCRIPT_START) {
    if (needs && !p.includes(needs)) continue;
    const m = re.exec(p);
    if (m && (cut < 0 || m.index < cut)) cut = m.index;
  }
  const kept = cut < 0 ? p : p.slice(0, cut).trim();
  if (!kept || looksLikeCode(kept)) return null;
  // A fragment that does not end a sentence was itself part of the script text.
  if (cut >= 0 && !/[.!?"'”’)]$/.test(kept)) return null;
  return kept;
}

const PROMPT =
  /^(?:click here to\b|related\s*[:|]|more\s*:|skip to (?:main )?content|you are here\b|be the first to comment|also read\b|read also\b|read more\b|see also\b|related(?: coverage| articles?| stories| posts| content| links| reading)?\b[^.!?]{0,60}:$|tags?\s*:?$|(?:tags|tagged|tagged with|filed under|categories)\s*:|recommended\s*:|share (?:this|on|via)\b|follow us\b|sign up\b|subscribe (?:to|for|now)\b|leave a comment|post a comment|add a comment|comments?\s*\(\d+\)|\d+ comments?$|loading comments|advertisement$|sponsored$|you may also like|trending now|download (?:the|our) app|join our (?:whatsapp|telegram))/i;
const COOKIE = /\b(?:uses?|using) cookies\b|\bcookie (?:policy|settings|preferences)\b|\baccept (?:all )?cookies\b/i;
const META_LINE = /^(?:by\s+\p{Lu}[\p{L}.'’ -]*|published|updated|posted|last updated)\b.{0,80}$/iu;

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function repeatsHeading(p: string, next: string | undefined, headings: string[]): boolean {
  const n = norm(p);
  if (!n) return true;
  if (headings.some((h) => h && norm(h) === n)) return true;
  // The headline or dek printed again as the opening of the next paragraph ("New Delhi: <same sentence> ...").
  return !!next && n.length >= 30 && norm(next).includes(n);
}

/** `standfirst` should be given only when the page prints it apart from the body too (see cleanHtml). */
export interface PostCleanHints {
  title: string | null;
  standfirst: string | null;
}

// The heading of a block of links to other stories; the headlines listed under it are no part of this one.
const LINKS_HEAD = new RegExp(
  String.raw`^(?:related(?: coverage| articles?| stories| posts| content| links| reading` +
    String.raw`| news)?|read more|read also|also read|more (?:stories|news|from [^.!?]{1,40}|on this(?: story| topic)?)` +
    String.raw`|recommended(?: for you| stories| reading)?|you (?:may|might) (?:also )?like|trending(?: now| stories)?` +
    String.raw`|most (?:read|popular|viewed)|popular (?:stories|now)|latest (?:news|stories)|top stories` +
    String.raw`|in case you missed it|further reading|see also|don['’]t miss|do not miss|editor['’]?s['’]? picks` +
    String.raw`|read next` +
    String.raw`|up next|what to read next|you (?:may|might) have missed)\s*:?$`,
  'i',
);
// a headline in such a block: short, no closing stop
const LISTED_HEADLINE = (p: string) => p.length < 160 && !/[.!?]["'”’]?$/.test(p);

export function postClean(paragraphs: string[], hints: PostCleanHints): string[] {
  const out: string[] = [];
  let links = false;
  for (const [i, p] of paragraphs.entries()) {
    const endsSentence = /[.!?]["'”’]?$/.test(p);
    if (LINKS_HEAD.test(p)) {
      links = true;
      continue;
    }
    if (links && LISTED_HEADLINE(p)) continue;
    links = false;
    if (PROMPT.test(p) && (p.length < 80 || (!endsSentence && p.length < 300))) continue;
    if (COOKIE.test(p) && p.length < 400) continue;
    // Byline and dateline remnants sit at the top and are not sentences.
    if (i < 3 && META_LINE.test(p) && !endsSentence) continue;
    const kept = stripScript(p);
    if (kept) out.push(kept);
  }
  const headings = [hints.title ?? '', hints.standfirst ?? ''];
  // Consecutive duplicates (a dek printed twice) collapse to one; a long paragraph printed again later (pages that
  // carry a second copy of the story for print or another layout) goes too.
  const keys = out.map(norm); // normalised once: kept in step with `out`
  for (let i = out.length - 1; i > 0; i--)
    if (keys[i] === keys[i - 1]) {
      out.splice(i, 1);
      keys.splice(i, 1);
    }
  const seen = new Set<string>();
  for (let i = 0; i < out.length; i++) {
    const n = keys[i];
    if (n.length < 40) continue;
    if (seen.has(n)) {
      out.splice(i, 1);
      keys.splice(i--, 1);
    } else seen.add(n);
  }
  // At most two leading repeats: the headline and the dek.
  for (let i = 0; i < 2 && out.length > 1 && repeatsHeading(out[0], out[1], headings); i++) out.shift();
  return out;
}
