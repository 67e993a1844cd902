import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/effects.ts';
import { ConfigError, type SkipError } from '../../core/errors.ts';
import { cleanFetchedPageAsync } from '../../ingest/clean/page.ts';
import { readLocalDir } from '../../ingest/local.ts';
import { loadSources, parseSources } from '../../ingest/sources.ts';

const path = (p: string) => fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url));

describe('sources catalogue', () => {
  it('loads a valid catalogue with defaults', async () => {
    const cat = await loadSources(path('sources/good.yaml'));
    expect(cat.allow_private).toEqual(['127.0.0.0/8', '::1/128']);
    expect(cat.sources.map((s) => s.id)).toEqual(['fixturechronicle', 'fixturewire']);
    expect(cat.sources[1]).toMatchObject({ enabled: true, interval: '30m' });
    expect(cat.sources[1].include).toBeUndefined();
    expect(cat.sources[0].interval).toBe('6h');
  });

  it('names the file and the bad entry', async () => {
    const err = await loadSources(path('sources/bad.yaml')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toContain('bad.yaml');
    expect(msg).toContain('sources[1] (id "broken").kind');
    expect(msg).toContain('sources[1] (id "broken").url');
    expect(msg).not.toContain('sources[0]');
  });

  it('rejects bad CIDRs, duplicate ids, invalid YAML and a missing file', async () => {
    const one =
      'id: a\n    kind: rss\n    url: https://a.example/f\n    publisher: A\n    country: US\n    language: en';
    expect(() => parseSources(`allow_private: [10.0.0.0/33]\nsources: []`, 'x.yaml')).toThrow(/allow_private\.0/);
    expect(() => parseSources(`sources:\n  - ${one}\n  - ${one}`, 'x.yaml')).toThrow(/duplicate id/);
    expect(() => parseSources('sources: [', 'x.yaml')).toThrow(ConfigError);
    await expect(loadSources(path('sources/missing.yaml'))).rejects.toThrow(/missing\.yaml/);
  });
});

describe('readLocalDir', () => {
  it('streams html, txt and html.gz files in path order with sidecar metadata', async () => {
    const pages = [];
    for await (const p of readLocalDir(path('local'), { clock: fixedClock('2022-12-05T00:00:00Z') })) pages.push(p);
    expect(pages.map((p) => p.file?.split('/local/')[1])).toEqual(['a-story.html', 'b-note.txt', 'sub/c-gz.html.gz']);
    expect(pages[0]).toMatchObject({
      url: 'https://www.fixturechronicle.example/news/pune/riverside.html',
      outlet: 'fixturechronicle',
      feed_published: '2022-09-14T00:00:00Z',
      content_type: 'text/html',
    });
    const articles = await Promise.all(pages.map((p) => cleanFetchedPageAsync(p)));
    expect(articles[0].url).toBe('https://www.fixturechronicle.example/news/pune/riverside.html');
    expect(articles[1]).toMatchObject({ url: null, published: '2022-11-28T00:00:00Z' });
    expect(articles[2].text).toContain('computer-aided dispatch system');
    expect(articles[2].url).toBeNull();
  });

  it('reads every sidecar the listing holds, whatever its kind, and none for a file without one', async () => {
    const root = mkdtempSync(join(tmpdir(), 'triage-sidecars-'));
    try {
      const page = '<html><body><article><p>' + 'A hospital story long enough to keep. '.repeat(10) + '</p></article>';
      for (const n of ['a', 'b', 'c', 'd']) writeFileSync(join(root, `${n}.html`), page);
      writeFileSync(join(root, 'a.meta.json'), JSON.stringify({ url: 'https://a.example/story' }));
      writeFileSync(join(root, 'outside.json'), JSON.stringify({ url: 'https://out.example/' }));
      mkdirSync(join(root, 'in'));
      for (const n of ['b', 'c', 'd']) writeFileSync(join(root, 'in', `${n}.html`), page);
      symlinkSync(join(root, 'outside.json'), join(root, 'in', 'b.meta.json')); // a link out of the folder
      mkdirSync(join(root, 'in', 'c.meta.json')); // a folder named like a sidecar
      const failed: string[] = [];
      const pages = [];
      const onError = (file: string, err: SkipError) => {
        failed.push(`${file.slice(root.length + 1)}: ${err.reason}`);
      };
      for await (const p of readLocalDir(join(root, 'in'), { onError })) pages.push(p);
      for await (const p of readLocalDir(root, { onError })) if (!p.file?.includes('/in/')) pages.push(p);
      // (the link is an entry of its own too; from the top folder it leads inside, and b.html reads it there)
      expect(failed).toEqual([
        'in/b.html: outside_folder',
        'in/b.meta.json: outside_folder',
        'in/c.html: special_file',
        'in/c.html: special_file',
      ]);
      expect(pages.map((p) => [p.file!.slice(root.length + 1), p.url === p.file ? 'file' : p.url])).toEqual([
        ['in/d.html', 'file'],
        ['a.html', 'https://a.example/story'],
        ['b.html', 'file'],
        ['c.html', 'file'],
        ['d.html', 'file'],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reports a missing directory as a ConfigError', async () => {
    const it = readLocalDir(path('no-such-dir'));
    await expect(it.next()).rejects.toBeInstanceOf(ConfigError);
  });
});
