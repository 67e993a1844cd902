// A page decoded and parsed in pieces (charset.ts decodeChunks, parse.ts parsePage) gives what the whole page
// gives: the same text, tree and metadata, wherever the cuts fall (inside a character, a tag name, an attribute,
// an entity, a script) and with the depth cap on.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeChunks } from '../../ingest/charset.ts';
import { nonTextShare } from '../../ingest/clean/binary.ts';
import { parsePage } from '../../ingest/clean/parse.ts';
import type { HNode } from '../../ingest/clean/tree.ts';

const PAGE = `<!doctype html><html lang="de"><head><title>Grüße &amp; Ärger — 🏥 news</title>
<meta property="og:title" content="Caf&eacute; &#x1F3E5; attack"><link rel="canonical" href="/s?a=1&amp;b=2">
<script type="application/ld+json">{"headline":"Kliniken in Köln"}</script></head><body><article>
<h1>Hôpital piraté</h1><p>Ransomware hit the <b>Städtische</b> Klinik &amp; its €2m backup &#8212; “encrypted”.</p>
<div><div><div><div><p>Deep <i>text</i> past the cap</p></div></div></div></div><p>Tail 日本語 text</p>
<time datetime="2024-03-04">4 March</time></article></body></html>`;

const FIXTURES = ['test/fixtures/clean', 'test/fixtures/clean-golden'].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(d, f)),
);

/** Every node with its kind, name, attributes and text, in document order. */
function dump(n: HNode, out: string[] = []): string[] {
  out.push(`${n.type}|${n.name ?? ''}|${JSON.stringify(n.attribs ?? {})}|${n.data ?? ''}`);
  for (const c of n.children ?? []) dump(c, out);
  return out;
}

describe('decodeChunks', () => {
  const bytes = Buffer.from(PAGE, 'utf8');

  it('cuts valid UTF-8 between characters only: the pieces join to the whole text', () => {
    for (const size of [1, 2, 3, 5, 64, 1 << 20]) {
      const { chunks, charset, source } = decodeChunks(bytes, null, size);
      expect(chunks.join('')).toBe(decodeBytes(bytes).text);
      expect({ charset, source }).toEqual({ charset: 'utf-8', source: 'default' });
      if (size < bytes.length) expect(chunks.length).toBeGreaterThan(1);
    }
  });

  it('keeps a page in another charset whole, decoded as decodeBytes decodes it', () => {
    const latin = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]); // café “q” in windows-1252
    const { chunks, charset } = decodeChunks(latin, null, 2);
    expect(chunks).toEqual([decodeBytes(latin).text]);
    expect(charset).toBe('windows-1252');
  });
});

describe('parsePage in pieces', () => {
  const pages = [PAGE, ...FIXTURES.map((f) => decodeBytes(readFileSync(f)).text)];

  it('builds the same tree and reads the same metadata as from the whole page', () => {
    for (const html of pages) {
      const bytes = Buffer.from(html, 'utf8'); // read as UTF-8 whatever the page declares
      for (const maxDepth of [undefined, 4]) {
        const whole = parsePage(html, maxDepth);
        for (const size of [1, 3, 7, 64]) {
          const cut = parsePage(decodeChunks(bytes, 'utf-8', size).chunks, maxDepth);
          expect(dump(cut.root)).toEqual(dump(whole.root));
          expect(cut.meta).toEqual(whole.meta);
        }
      }
    }
  });

  it('still caps the depth when tag names are cut', () => {
    const { root } = parsePage(decodeChunks(Buffer.from(PAGE), null, 1).chunks, 4);
    expect(dump(root).join('\n')).toContain('Deep ');
    expect(dump(root).some((l) => l.startsWith('tag|i|'))).toBe(false); // past the cap: its text is flattened
  });
});

describe('nonTextShare over pieces', () => {
  it('reads the first 64 Ki characters across pieces as it reads one string', () => {
    const text = `${'a'.repeat(40_000)}${'\u0001'.repeat(5_000)}${'b'.repeat(40_000)}`;
    const pieces = text.match(/[\s\S]{1,1000}/g)!;
    expect(nonTextShare(pieces)).toBe(nonTextShare(text));
    expect(nonTextShare(pieces)).toContain('of the first 65536 characters');
    expect(nonTextShare(['\u0001'.repeat(10), 'a'.repeat(10)])).toBe(
      nonTextShare(`${'\u0001'.repeat(10)}${'a'.repeat(10)}`),
    );
    expect(nonTextShare([])).toBeNull();
  });

  it('counts exactly the C0 controls but tab, line feed, form feed and carriage return, DEL and U+FFFD', () => {
    const counted = (c: number) => (c < 0x20 && ![9, 10, 12, 13].includes(c)) || c === 0x7f || c === 0xfffd;
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if ((nonTextShare(String.fromCharCode(c).repeat(4)) !== null) !== counted(c)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});
