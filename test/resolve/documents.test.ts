import { describe, expect, it } from 'vitest';
import { clusterDocuments, pageKey } from '../../analyze/resolve/documents.ts';
import {
  jaccard,
  jaccardSorted,
  nearDuplicatePairs,
  shingleSet,
  shingles,
  signature,
} from '../../analyze/resolve/minhash.ts';
import { hashShingle } from '../../analyze/resolve/shingle.ts';
import { DocCluster, settings } from '../../analyze/resolve/types.ts';
import { article, story } from './fixtures.ts';

const s = settings();

describe('shingles and MinHash', () => {
  it('makes word 5-gram shingles, case- and punctuation-insensitive', () => {
    expect([...shingles('One two, THREE four five six.')]).toEqual([
      'one two three four five',
      'two three four five six',
    ]);
  });

  it('hashes the same shingles from the token stream, one hash per distinct shingle, sorted', () => {
    const text = `${story('Alpha Hospital')} Ünïcode wörds, and ＦＵＬＬ width: alpha hospital alpha hospital.`;
    const expected = [...new Set([...shingles(text)].map(hashShingle))].sort((a, b) => a - b);
    expect([...shingleSet(text)]).toEqual(expected);
    // a text that ends inside a word (no punctuation after it), an astral letter last
    const bare = `${story('Alpha Hospital')} and the last words run to the end 𝒳𝒴`;
    expect([...shingleSet(bare)]).toEqual([...new Set([...shingles(bare)].map(hashShingle))].sort((a, b) => a - b));
    expect(shingleSet('too few words here').length).toBe(0);
  });

  it('gives the same signature for the same set with the fixed seed, another with another seed', () => {
    const set = shingleSet(story('Alpha Hospital'));
    expect(signature(set, 16, 1)).toEqual(signature([...set].reverse(), 16, 1));
    expect(signature(set, 16, 1)).not.toEqual(signature(set, 16, 2));
  });

  it('computes the Jaccard similarity, of strings and of sorted hashes alike', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))).toBeCloseTo(0.5);
    expect(jaccardSorted(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4))).toBeCloseTo(0.5);
    const a = `${story('Alpha Hospital')} One more line here for the copy.`;
    const b = story('Alpha Hospital');
    expect(jaccardSorted(shingleSet(a), shingleSet(b))).toBeCloseTo(jaccard(shingles(a), shingles(b)), 6);
  });

  it('joins 40 syndicated copies with about one Jaccard check per copy, not one per pair', () => {
    const texts = Array.from({ length: 40 }, (_, i) => ({
      id: `c${String(i).padStart(2, '0')}`,
      text: `${story('Alpha Hospital')} Copy number ${i} of the wire story.`,
    }));
    const pairs = nearDuplicatePairs(texts, 0.7, 128, 7);
    // a spanning set: 39 pairs connect 40 copies (780 pairs all told)
    expect(pairs).toHaveLength(39);
    const { clusters } = clusterDocuments(
      texts.map((t) => article(t.id, t.text)),
      s,
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0].doc_ids).toHaveLength(40);
  });

  it('pairs a reprint with one extra line but not two different stories', () => {
    const pairs = nearDuplicatePairs(
      [
        { id: 'orig', text: story('Alpha Hospital') },
        { id: 'copy', text: `${story('Alpha Hospital')}\n\nThis story was first published by Wire.` },
        { id: 'other', text: story('Beta Clinic in Pune') },
      ],
      0.7,
      128,
      7,
    );
    expect(pairs).toEqual([['copy', 'orig']]);
  });
});

describe('clusterDocuments', () => {
  it('clusters exact duplicates under different URLs; the earliest is the representative', () => {
    const a = article('a', story('Alpha Hospital'), { published: '2022-11-25T10:00:00Z' });
    const b = article('b', story('Alpha Hospital'), { published: '2022-11-24T10:00:00Z' });
    const c = article('c', story('Beta Clinic in Pune'));
    const { clusters, roles } = clusterDocuments([a, b, c], s);
    expect(clusters).toHaveLength(1);
    expect(DocCluster.parse(clusters[0])).toMatchObject({
      doc_ids: ['a', 'b'],
      representative: 'b',
      reason: 'exact',
      superseded: [],
    });
    expect(roles.get('a')).toMatchObject({ duplicate_of: 'b', superseded: false });
    expect(roles.get('c')).toEqual({ cluster: 'c', superseded: false, duplicate_of: null });
  });

  it('clusters a syndicated near-duplicate under another URL', () => {
    const orig = article('orig', story('Alpha Hospital'), { outlet: 'wire' });
    const copy = article('copy', `${story('Alpha Hospital')}\n\nThis story was first published by Wire.`, {
      outlet: 'daily',
      published: '2022-11-25T08:00:00Z',
    });
    const { clusters } = clusterDocuments([copy, orig], s);
    expect(clusters).toMatchObject([{ doc_ids: ['copy', 'orig'], representative: 'orig', reason: 'near-duplicate' }]);
  });

  it('treats the same canonical URL as versions: the newer modified supersedes the older', () => {
    const url = 'https://post.example/news/alpha.html';
    const v1 = article('v1', story('Alpha Hospital'), {
      url: 'https://post.example/archive/alpha.html',
      canonical_url: url,
    });
    const v2 = article('v2', story('Alpha Hospital', 'Police now deny that any ransom was demanded.'), {
      url,
      canonical_url: `${url}?utm_source=feed`,
      modified: '2022-11-25T09:00:00Z',
    });
    const { clusters, roles } = clusterDocuments([v2, v1], s);
    expect(clusters).toMatchObject([
      { doc_ids: ['v1', 'v2'], representative: 'v2', reason: 'version', superseded: ['v1'] },
    ]);
    expect(roles.get('v1')).toMatchObject({ superseded: true, duplicate_of: null });
    expect(roles.get('v2')).toMatchObject({ superseded: false, duplicate_of: null });
  });

  it('normalises page keys: fragment, utm parameters, trailing slash, host case', () => {
    const d = article('d', 'x', { canonical_url: 'https://WWW.Site.example/a/b/?utm_medium=rss#top' });
    expect(pageKey(d)).toBe('https://www.site.example/a/b');
  });

  it('leaves unrelated stories alone', () => {
    const docs = [
      article('a', story('Alpha Hospital')),
      article('b', story('Beta Clinic in Pune')),
      article('c', story('Gamma Diagnostics Laboratory')),
    ];
    expect(clusterDocuments(docs, s).clusters).toEqual([]);
  });
});
