// htmlparser2's tokenizer with its character-at-a-time scans replaced by native searches. The stock one hands every
// character of text and of quoted attribute values to its state machine (a switch and a call each), and looks for
// the end of a script or a comment with a charCodeAt loop: on news pages (~170 KB each) that was most of the parse.
// Here text and attribute values jump to the next character their state acts on ('<' or '&'; the quote or '&'),
// and the fast-forward uses indexOf. The states see the same characters at the same offsets, so the events, their
// order and their offsets are the stock tokenizer's (test/clean/tokenizer.test.ts compares the two).
import { Tokenizer } from 'htmlparser2';

/** The tokenizer's private members this file reads (htmlparser2 10, dist/esm/Tokenizer.js). */
interface Internals {
  buffer: string;
  index: number;
  offset: number;
  decodeEntities: boolean;
  stateText(c: number): void;
  handleInAttributeValue(c: number, quote: number): void;
  fastForwardTo(c: number): boolean;
}

const LT = 0x3c;
const AMP = 0x26;
const DQ = 0x22;
const TEXT_STOP = /[<&]/g;
const DQ_STOP = /["&]/g;
const SQ_STOP = /['&]/g;

/** Moves `t.index` to just before the next character `stop` matches (the parse loop then steps onto it), or to the
 * last character of the buffer when there is none. */
function skipTo(t: Internals, stop: RegExp): void {
  stop.lastIndex = t.index - t.offset + 1;
  const m = stop.exec(t.buffer);
  t.index = (m ? m.index : t.buffer.length) - 1 + t.offset;
}

export class FastTokenizer extends Tokenizer {}

const base = Tokenizer.prototype as unknown as Internals;
const fast = FastTokenizer.prototype as unknown as Internals;

// (with decodeEntities off the stock states fast-forward by themselves and see no '&': left to them)
fast.stateText = function (this: Internals, c: number): void {
  base.stateText.call(this, c);
  if (c !== LT && c !== AMP && this.decodeEntities) skipTo(this, TEXT_STOP);
};

fast.handleInAttributeValue = function (this: Internals, c: number, quote: number): void {
  base.handleInAttributeValue.call(this, c, quote);
  if (c !== quote && c !== AMP && this.decodeEntities) skipTo(this, quote === DQ ? DQ_STOP : SQ_STOP);
};

fast.fastForwardTo = function (this: Internals, c: number): boolean {
  const at = this.buffer.indexOf(String.fromCharCode(c), this.index - this.offset + 1);
  if (at >= 0) {
    this.index = at + this.offset;
    return true;
  }
  // as the stock loop leaves it: the parse loop's increment then ends the buffer
  this.index = this.buffer.length + this.offset - 1;
  return false;
};
