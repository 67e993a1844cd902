// The pruned parse: dropped subtrees never reach the tree, yet their metadata is read as from the full page.
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../ingest/clean/parse.ts';
import { elements, textOf, type HNode } from '../../ingest/clean/tree.ts';

const PAGE = `<!doctype html><html lang="en-gb"><head><title>Head &amp; title</title>
<meta property="og:site_name" content="Site"><meta name="og:site_name" content="Second">
<link rel="stylesheet canonical" href="/story"><script type="application/ld+json">{"@type":"NewsArticle"}</script>
<style>.x{}</style></head><body><nav><a href="/">Home</a><time datetime="2020-01-01">nav</time></nav>
<svg><title>Icon</title></svg><article><footer><time datetime="2024-03-04">foot</time></footer>
<p>Before<script>var x = 1;</script>after<!-- note -->end</p><meta itemprop="author" content="A. Writer"></article>
<aside><script type="application/LD+JSON">{"@type":"Person"}</script><time datetime="2019-09-09" pubdate>x</time></aside>
<p>Tail<figure><figcaption>Picture: credit</figcaption></figure></p></body></html>`;

const names = (root: HNode) => elements(root).map((e) => e.name);
const textNodes = (n: HNode): string[] => (n.type === 'text' ? [n.data ?? ''] : (n.children ?? []).flatMap(textNodes));

describe('parsePage', () => {
  const { root, meta } = parsePage(PAGE);

  it('builds no dropped element, comment or directive', () => {
    // <figure> closes the open <p>; the stray </p> then makes an empty one (HTML parsing rules, not pruning).
    expect(names(root)).toEqual(['html', 'body', 'article', 'p', 'p', 'p']);
    const kinds = new Set<string>();
    const visit = (n: HNode) => {
      kinds.add(n.type);
      n.children?.forEach(visit);
    };
    visit(root);
    expect([...kinds].sort()).toEqual(['root', 'tag', 'text']);
  });

  it('keeps text on either side of a dropped node as separate text nodes, like removing it later does', () => {
    const p = elements(root).find((e) => e.name === 'p')!;
    expect(textNodes(p)).toEqual(['Before', 'after', 'end']);
    expect(textOf(root)).not.toContain('var x');
  });

  it('reads metadata from every element, in document order, dropped ones included', () => {
    expect(meta.lang).toBe('en-gb');
    expect(meta.title).toBe('Head & title'); // the first <title>, not the icon's
    expect(meta.metas.get('og:site_name')).toBe('Site');
    expect(meta.metas.get('author')).toBe('A. Writer');
    expect(meta.canonical).toBe('/story');
    expect(meta.ldBlocks).toEqual(['{"@type":"NewsArticle"}', '{"@type":"Person"}']);
    expect(meta.times).toEqual([
      { datetime: '2020-01-01', rank: 3 }, // outside any article
      { datetime: '2024-03-04', rank: 2 }, // in the article's (dropped) footer
      { datetime: '2019-09-09', rank: 1 },
    ]);
  });

  it('survives a page cut off inside a tag', () => {
    const cut = parsePage('<html><body><p>Some text<script>x<div class="a');
    expect(names(cut.root)).toEqual(['html', 'body', 'p']);
  });
});
