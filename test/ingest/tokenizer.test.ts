// The fast tokenizer (ingest/clean/tokenizer.ts) is a speed change only: every parser event, with its offsets, is the
// stock tokenizer's, on tricky markup and on the cleaning fixtures, whole or written in pieces cut anywhere.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, Tokenizer } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { FastTokenizer } from '../../ingest/clean/tokenizer.ts';

const TRICKY = `<!doctype html><html lang="de"><head><title>A &amp; B &lt; C</title>
<meta content="Caf&eacute; &#x1F3E5; &amp x" name='it&apos;s "q"'><link rel=canonical href=/s?a=1&amp;b=2>
<script>if (a < b && c > d) { x = "</scr" + "ipt>"; } // <!-- --></script><style>p<i{}</style></head>
<body><!-- a comment with - and -- inside --><![CDATA[ x ]]><p>Text &notin &nbsp;&#8212;&#x2014;&amp&AMP; <<b>bold</b>
<a href="x&y" title='1 & 2'>l</a> & plain ampersand, a < sign, tail &</p><textarea>a &amp; <b></textarea>
<xmp>raw <b></xmp><p attr=unquoted&amp;x data-x="">end</p></body></html>`;

const FIXTURES = ['test/fixtures/clean', 'test/fixtures/clean-golden'].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(d, f)),
);

const EVENTS = [
  'onopentagname',
  'onattribute',
  'onopentag',
  'onclosetag',
  'ontext',
  'oncomment',
  'oncommentend',
  'oncdatastart',
  'oncdataend',
  'onprocessinginstruction',
  'onend',
];

/** Every event with its arguments and the parser's offsets, for `html` written in pieces of `size`. */
function events(html: string, T: typeof Tokenizer, size: number): string[] {
  const out: string[] = [];
  let parser: Parser | null = null;
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      out.push(`${name} ${JSON.stringify(args)} ${parser?.startIndex}-${parser?.endIndex}`);
  const handler = Object.fromEntries(EVENTS.map((e) => [e, record(e)]));
  parser = new Parser(handler, { Tokenizer: T });
  for (let i = 0; i < html.length; i += size) parser.write(html.slice(i, i + size));
  parser.end();
  return out;
}

describe('FastTokenizer', () => {
  it('gives the stock events on tricky markup, whole and in pieces', () => {
    for (const size of [1, 2, 3, 7, 16, 64, 1 << 20]) {
      expect(events(TRICKY, FastTokenizer, size)).toEqual(events(TRICKY, Tokenizer, size));
    }
  });

  it('gives the stock events on every cleaning fixture', () => {
    for (const file of FIXTURES) {
      const html = readFileSync(file, 'utf8');
      for (const size of [97, 4096, 1 << 24]) {
        expect(events(html, FastTokenizer, size), file).toEqual(events(html, Tokenizer, size));
      }
    }
  });
});
