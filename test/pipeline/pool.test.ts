// The worker pool gives what the in-thread calls give: same cleaned articles, same extractions, same typed
// failures. Workers load TypeScript themselves (pipeline/worker-boot.mjs), so this also runs from vitest.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SkipError } from '../../core/errors.ts';
import type { FetchedPage } from '../../core/records.ts';
import { readLocalFile } from '../../ingest/local.ts';
import { cleanFetchedPageAsync } from '../../ingest/clean/page.ts';
import { extract, loadReference } from '../../analyze/extract/index.ts';
import { createPool } from '../../pipeline/pool.ts';
import { derive, NOTHING, type DeriveAsk } from '../../pipeline/derived.ts';
import { intelReference } from '../../pipeline/intel.ts';
import { PROJECT } from '../../core/paths.ts';

const SITES = fileURLToPath(new URL('../../demo/sites', import.meta.url));
const clock = { now: () => new Date('2023-01-01T00:00:00Z') };
const files = readdirSync(SITES, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name === 'index.html')
  .map((e) => join(e.parentPath, e.name))
  .sort()
  .slice(0, 12);
const pool = createPool({ size: 2 });
afterAll(() => pool.close());

describe('worker pool', () => {
  it('cleans and extracts exactly as the same calls in this thread', async () => {
    expect(files.length).toBeGreaterThan(5);
    const reference = loadReference(PROJECT.reference);
    const [inThread, inWorkers] = await Promise.all([
      Promise.all(files.map(async (f) => cleanFetchedPageAsync(await readLocalFile(f, { clock })))),
      Promise.all(files.map(async (f) => pool.clean(await readLocalFile(f, { clock })))),
    ]);
    expect(inWorkers).toEqual(inThread);
    const extracted = await Promise.all(inWorkers.map((a) => pool.extract(a)));
    expect(extracted).toEqual(inThread.map((a) => extract(a, reference)));
    expect(extracted.some((x) => x.relevant)).toBe(true);
  });

  it('extracts with the signature, intel facts and search terms asked for, as derive() in this thread gives', async () => {
    const reference = loadReference(PROJECT.reference);
    const articles = await Promise.all(
      files.slice(0, 4).map(async (f, i) => ({
        ...(await cleanFetchedPageAsync(await readLocalFile(f, { clock }))),
        version_id: `v${i}`,
      })),
    );
    const asks: DeriveAsk[] = [
      { sign: { minhashPerms: 64, minhashSeed: 7 }, intel: true, search: true },
      NOTHING,
      { sign: null, intel: true, search: false },
      { sign: { minhashPerms: 64, minhashSeed: 7 }, intel: false, search: true },
    ];
    const got = await Promise.all(articles.map((a, i) => pool.extractDerived(a, asks[i])));
    const want = articles.map((a, i) => ({
      extraction: extract(a, reference),
      derived: derive(a, asks[i], () => intelReference(PROJECT.reference)),
    }));
    expect(got).toEqual(want);
    expect(got[0].derived.signature?.version_id).toBe('v0');
    expect(got[0].derived.terms?.terms.length).toBeGreaterThan(10);
    expect(got[1].derived).toEqual({ signature: null, intel: null, terms: null });
  });

  it('returns a failure as the same typed SkipError, naming the page', async () => {
    const page: FetchedPage = {
      url: 'https://x.example/empty',
      final_url: 'https://x.example/empty',
      status: 200,
      content_type: 'text/html',
      etag: null,
      last_modified: null,
      charset: 'utf-8',
      bytes_sha256: 'x',
      body: new Uint8Array(Buffer.from('<html><body><nav>Home</nav></body></html>')),
      fetched_at: '2023-01-01T00:00:00.000Z',
      source_id: null,
      feed_title: null,
      feed_published: null,
      file: null,
      outlet: null,
    };
    const expected = await cleanFetchedPageAsync({ ...page, body: page.body.slice() }).catch((e: unknown) => e);
    expect(expected).toBeInstanceOf(SkipError);
    const got = await pool.clean(page).catch((e: unknown) => e);
    expect(got).toBeInstanceOf(SkipError);
    expect((got as SkipError).reason).toBe((expected as SkipError).reason);
    expect((got as SkipError).message).toContain('https://x.example/empty');
  });

  it('release() ends the threads and the next task starts them again, with the same result', async () => {
    const own = createPool({ size: 1 });
    const first = await own.clean(await readLocalFile(files[1], { clock }));
    const threads = () => (own as unknown as { slots: unknown[] }).slots.length;
    expect(threads()).toBe(1);
    await own.release();
    expect(threads()).toBe(0);
    expect(await own.clean(await readLocalFile(files[1], { clock }))).toEqual(first);
    expect(threads()).toBe(1);
    await own.close();
    await expect(own.clean(await readLocalFile(files[1], { clock }))).rejects.toThrow(/closed/);
  });

  it('the inline pool (size 0) runs the same calls in this thread', async () => {
    const inline = createPool({ size: 0 });
    const page = await readLocalFile(files[0], { clock });
    expect(await inline.clean(page)).toEqual(await pool.clean(await readLocalFile(files[0], { clock })));
    await inline.close();
  });
});
