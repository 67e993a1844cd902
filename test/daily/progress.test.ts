// Feed polling reports its progress (feeds polled, pages fetched) to the display the CLI wires on a terminal;
// the display itself draws only on a TTY.
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { fixedClock, silentLogger } from '../../core/effects.ts';
import { Store } from '../../store/store.ts';
import { createFetcher } from '../../ingest/fetch/fetcher.ts';
import { createDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { parseSources } from '../../ingest/sources.ts';
import { ingestSources } from '../../pipeline/ingest.ts';
import { progress } from '../../pipeline/progress.ts';
import { startNewsSite, siteCatalogue } from '../support/news-site.ts';

describe('progress', () => {
  it('counts feeds polled and pages fetched', async () => {
    const site = await startNewsSite();
    const store = await Store.open(':memory:');
    try {
      site.add('Riverside Valley Hospital', 'Spokane', '2023-03-13');
      site.add('Lakeshore General Hospital', 'Salem', '2023-03-14');
      const catalogue = parseSources(siteCatalogue(site.origin), 'test');
      const clock = fixedClock('2023-03-15T00:00:00Z');
      const fetcher = createFetcher({
        dispatcher: createDispatcher({ allowPrivate: catalogue.allow_private }),
        clock,
        logger: silentLogger,
        hostDelayMs: 0,
      });
      const seen: Record<string, { total: number | null; ticks: number; done: boolean }> = {};
      await ingestSources(
        {
          store,
          fetcher,
          clock,
          log: silentLogger,
          progress: (label, total) => {
            const p = { total, ticks: 0, done: false };
            seen[label] = p;
            return {
              tick: (n = 1) => {
                p.ticks += n;
              },
              done: () => {
                p.done = true;
              },
            };
          },
        },
        catalogue.sources,
      );
      expect(seen).toEqual({
        'poll feeds': { total: 1, ticks: 1, done: true },
        'fetch pages': { total: 2, ticks: 2, done: true },
      });
    } finally {
      store.close();
      await site.close();
    }
  });

  it('draws only on a terminal', () => {
    const pipe = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    const tty = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.WriteStream;
    let drawn = '';
    (tty as unknown as PassThrough).on('data', (c: Buffer) => {
      drawn += c.toString();
    });
    let piped = '';
    (pipe as unknown as PassThrough).on('data', (c: Buffer) => {
      piped += c.toString();
    });
    for (const s of [pipe, tty]) {
      const p = progress('poll feeds', 3, s);
      p.tick(3);
      p.done();
    }
    expect(piped).toBe('');
    expect(drawn).toMatch(/poll feeds \[#+\] 3\/3/);
  });
});
