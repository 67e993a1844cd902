// The one parse of a page (htmlparser2 + domhandler, as cheerio's slim build uses). It builds only the part of the
// tree the cleaner reads: subtrees that pre-cleaning always drops (the head, scripts, styles, menus, asides,
// footers…) are never built. On news pages those are most of the markup, so this saves most of the allocation
// and garbage collection of a clean. The metadata readers still see every element, dropped ones included.
import { DomHandler } from 'htmlparser2';
import { BoundedParser } from './bounded.ts';
import type { HNode } from './tree.ts';

/** Tags pre-cleaning removes with everything inside, whatever their attributes say. Figures go too: captions and
 * photo credits ("Picture: stock image") are not article prose. */
export const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'template',
  'svg',
  'canvas',
  'object',
  'embed',
  'button',
  'input',
  'select',
  'textarea',
  'dialog',
  'link',
  'meta',
  'figure',
  'figcaption',
  'picture',
  'video',
  'audio',
  'map',
  'head',
  'nav',
  'aside',
  'footer',
  'menu',
  'label',
  'option',
  'form-button',
]);

/** What the metadata readers (meta.ts) need from the whole page, in document order. */
export interface Collected {
  metas: Map<string, string>;
  title: string | null;
  canonical: string | null;
  lang: string | null;
  ldBlocks: string[];
  times: { datetime: string; rank: number }[];
}

interface Capture {
  text: string;
  scripts: boolean;
  done(text: string): void;
}
/** An open element: `blind` when metadata is not read inside it (metas, titles, links and scripts end the walk). */
interface Frame {
  article: boolean;
  blind: boolean;
  capture: Capture | null;
  owns: boolean;
}

/** Reads metadata from parser events: the same elements, in the same order, as a pre-order walk of the full tree. */
class MetaCollector {
  readonly found: Collected = { metas: new Map(), title: null, canonical: null, lang: null, ldBlocks: [], times: [] };
  private readonly stack: Frame[] = [];
  private articles = 0;

  open(name: string, a: Record<string, string>): void {
    const parent = this.stack.at(-1);
    const frame: Frame = {
      article: name === 'article',
      blind: parent?.blind ?? false,
      capture: parent?.capture ?? null,
      owns: false,
    };
    // Text of a title leaves out script and style bodies; a JSON-LD block is a script body.
    if (frame.capture && !frame.capture.scripts && (name === 'script' || name === 'style')) frame.capture = null;
    if (!frame.blind) this.visit(name, a, frame);
    if (frame.article) this.articles++;
    this.stack.push(frame);
  }

  close(): void {
    const frame = this.stack.pop();
    if (!frame) return;
    if (frame.article) this.articles--;
    if (frame.owns) frame.capture!.done(frame.capture!.text);
  }

  text(data: string): void {
    const capture = this.stack.at(-1)?.capture;
    if (capture) capture.text += data;
  }

  private capture(frame: Frame, scripts: boolean, done: (text: string) => void): void {
    frame.capture = { text: '', scripts, done };
    frame.owns = true;
  }

  private visit(name: string, a: Record<string, string>, frame: Frame): void {
    const c = this.found;
    if (name === 'html') {
      c.lang ??= a.lang ?? a['xml:lang'] ?? null;
      return;
    }
    if (name === 'time') {
      if (a.datetime)
        c.times.push({
          datetime: a.datetime,
          rank: a.itemprop === 'datePublished' ? 0 : a.pubdate != null ? 1 : this.articles > 0 ? 2 : 3,
        });
      return;
    }
    if (name === 'meta') {
      const content = a.content;
      for (const key of [a.property, a.name, a.itemprop]) {
        if (key && content != null && !c.metas.has(key.toLowerCase())) c.metas.set(key.toLowerCase(), content);
      }
    } else if (name === 'title') {
      if (c.title === null) {
        c.title = '';
        this.capture(frame, false, (t) => {
          c.title = t;
        });
      }
    } else if (name === 'link') {
      if (/(^|\s)canonical(\s|$)/i.test(a.rel ?? '')) c.canonical ??= a.href ?? null;
    } else if (name === 'script') {
      if (/ld\+json/i.test(a.type ?? '')) {
        const slot = c.ldBlocks.push('') - 1;
        this.capture(frame, true, (t) => {
          c.ldBlocks[slot] = t;
        });
      }
    } else return;
    frame.blind = true;
  }
}

/** Builds the pruned tree (see the top of this file) and feeds every parser event to the metadata collector. */
class PruningHandler extends DomHandler {
  readonly meta = new MetaCollector();
  /** depth inside a dropped subtree */
  private dropped = 0;
  /** open elements, dropped ones included (BoundedParser caps it) */
  depth = 0;
  private cdata = false;

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.depth++;
    this.meta.open(name, attribs);
    if (this.dropped || DROP_TAGS.has(name)) {
      this.dropped++;
      // Text on either side of a dropped element stays two text nodes, as it is when the element is removed later.
      this.lastNode = null;
      return;
    }
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.depth--;
    this.meta.close();
    if (this.dropped) {
      this.dropped--;
      this.lastNode = null;
      return;
    }
    super.onclosetag();
  }

  override ontext(data: string): void {
    this.meta.text(data);
    if (!this.dropped && !this.cdata) super.ontext(data);
  }

  // Comments, CDATA sections and directives are dropped too: they never reach the tree.
  override oncomment(): void {
    this.lastNode = null;
  }
  override oncdatastart(): void {
    this.cdata = true;
    this.lastNode = null;
  }
  override oncdataend(): void {
    this.cdata = false;
    this.lastNode = null;
  }
  override onprocessinginstruction(): void {
    this.lastNode = null;
  }
}

export interface ParsedPage {
  root: HNode;
  meta: Collected;
}

/** `html`: the page, whole or in pieces (decodeChunks: the tree is the same). `maxDepth`: open elements past it are
 * flattened into the one at the cap (bounded.ts). */
export function parsePage(html: string | readonly string[], maxDepth?: number): ParsedPage {
  const handler = new PruningHandler();
  const parser = new BoundedParser(handler, maxDepth);
  for (const piece of typeof html === 'string' ? [html] : html) parser.write(piece);
  parser.end();
  return { root: handler.root as unknown as HNode, meta: handler.meta.found };
}
