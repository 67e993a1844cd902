import { describe, expect, it } from 'vitest';
import { clusterDocuments, pageKey } from '../../analyze/resolve/documents.ts';
import { jaccard, nearDuplicatePairs, shingles, signature } from '../../analyze/resolve/minhash.ts';
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

  it('gives the same signature for the same set with the fixed seed, another with another seed', () => {
    const set = shingles(story('Alpha Hospital'));
    expect(signature(set, 16, 1)).toEqual(signature(new Set([...set].reverse()), 16, 1));
    expect(signature(set, 16, 1)).not.toEqual(signature(set, 16, 2));
  });

  it('computes the Jaccard similarity', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))).toBeCloseTo(0.5);
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
