// A depth cap on the HTML parse. htmlparser2 keeps its open elements in an array it unshifts and shifts at the
// front, so every tag costs the current depth: 700,000 unclosed <div>s took minutes. Past MAX_DEPTH open elements
// further tags are left out of the tree and their text joins the element at the cap (flattened, never lost), so
// each tag costs at most MAX_DEPTH and a parse is linear in the page.
import { Parser, type Handler } from 'htmlparser2';
import { INLINE } from './extract.ts';
import { FastTokenizer } from './tokenizer.ts';

/** Browsers cap their parser's tree at 512 levels (Blink); real news pages stay below 60. */
export const MAX_DEPTH = 512;

/** Tags whose body the tokenizer reads as raw text: they must stay elements, or a deep script would become text. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

/** What the parser needs to know of its handler: how many elements are open now. */
export interface DepthHandler extends Partial<Handler> {
  readonly depth: number;
}

export class BoundedParser extends Parser {
  /** per tag name: opened past the cap and not yet closed, so the matching close tags are left out too */
  private readonly skipped = new Map<string, number>();
  /** the open tag being read was left out (its attributes and end come next) */
  private skipping = false;
  /** the pieces written and where each starts in the page, to read tag names (Parser's own reader drops a piece
   * once read past, so it cannot read a name twice) */
  private readonly pieces: string[] = [];
  private readonly starts: number[] = [];
  private written = 0;

  constructor(
    private readonly sink: DepthHandler,
    private readonly maxDepth = MAX_DEPTH,
  ) {
    super(sink, { Tokenizer: FastTokenizer });
  }

  override write(chunk: string): void {
    this.pieces.push(chunk);
    this.starts.push(this.written);
    this.written += chunk.length;
    super.write(chunk);
  }

  /** The lower-cased text between two offsets of the page, across pieces. */
  private name(start: number, end: number): string {
    let i = this.pieces.length - 1;
    while (i > 0 && this.starts[i]! > start) i--;
    let out = '';
    for (let at = start; at < end; i++) {
      const from = this.starts[i]!;
      out += this.pieces[i]!.slice(at - from, end - from);
      at = from + this.pieces[i]!.length;
    }
    return out.toLowerCase();
  }

  /** Keeps the words on either side of a left-out block tag apart. */
  private gap(name: string): void {
    if (!INLINE.has(name)) this.sink.ontext?.(' ');
  }

  override onopentagname(start: number, endIndex: number): void {
    // (below the cap the name is not needed here: the parser reads it)
    const name = this.sink.depth < this.maxDepth ? null : this.name(start, endIndex);
    if (name === null || RAW_TEXT.has(name)) {
      super.onopentagname(start, endIndex);
      return;
    }
    this.skipping = true;
    // A void element (<br>, <img>) has no close tag to wait for.
    if (!this.isVoidElement(name)) this.skipped.set(name, (this.skipped.get(name) ?? 0) + 1);
    this.endIndex = endIndex;
    this.gap(name);
  }

  override onopentagend(endIndex: number): void {
    if (!this.skipping) {
      super.onopentagend(endIndex);
      return;
    }
    this.skipping = false;
    this.endIndex = endIndex;
    this.startIndex = endIndex + 1;
  }

  override onselfclosingtag(endIndex: number): void {
    if (this.skipping) this.onopentagend(endIndex);
    else super.onselfclosingtag(endIndex);
  }

  override onclosetag(start: number, endIndex: number): void {
    // (with no tag left out, every close tag is the parser's to read)
    const name = this.skipped.size ? this.name(start, endIndex) : '';
    const open = this.skipped.get(name) ?? 0;
    if (open === 0) {
      super.onclosetag(start, endIndex);
      return;
    }
    if (open === 1) this.skipped.delete(name);
    else this.skipped.set(name, open - 1);
    this.endIndex = endIndex;
    this.startIndex = endIndex + 1;
    this.gap(name);
  }
}
