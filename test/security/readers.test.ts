// Readers beside a writer (issue 15 item 5): a real `triage ingest` holds the database (its fetches are held by a
// loopback site until the test lets them go) while `query` and `serve` read; `serve` never keeps a writer out
// and follows the snapshot each writing run publishes; `serve` runs through a whole `run --demo` on the same file.
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, tempDir } from './harness.ts';

const SITES = fileURLToPath(new URL('../../demo/sites/www.healthcyberdaily.example/news/', import.meta.url));
const ARTICLE_A = readFileSync(join(SITES, '2022/11/29/aiims-new-delhi-outage-ransom-demand-report/index.html'));
const ARTICLE_B = readFileSync(join(SITES, '2022/10/13/advanced-nhs-lockbit-attack-confirmed'));

interface Proc {
  p: ChildProcessWithoutNullStreams;
  out: string;
  err: string;
  done: Promise<number | null>;
}

function start(args: string[]): Proc {
  const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, TZ: 'UTC' } });
  const proc: Proc = { p, out: '', err: '', done: new Promise((ok) => p.on('close', ok)) };
  p.stdout.on('data', (d) => {
    proc.out += d;
  });
  p.stderr.on('data', (d) => {
    proc.err += d;
  });
  return proc;
}

async function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const proc = start(args);
  const status = await proc.done;
  return { status, stdout: proc.out, stderr: proc.err };
}

/**
 * A feed of articles on loopback. While `hold` is on, every response waits (up to 10 s, under the fetcher's header
 * timeout): the writer sits in its run, holding the database, until the test calls `release`.
 */
async function holdingSite() {
  let items: Buffer[] = [];
  let gate: { open: Promise<void>; release: () => void } | null = null;
  let requested: () => void = () => undefined;
  let firstRequest = new Promise<void>((ok) => {
    requested = ok;
  });
  const server: Server = createServer((req, res) => {
    requested();
    const wait = gate ? Promise.race([gate.open, new Promise((ok) => setTimeout(ok, 10_000))]) : Promise.resolve();
    void wait.then(() => {
      const m = /^\/a\/(\d+)\.html$/.exec(req.url ?? '');
      if (req.url === '/feed.xml') {
        res.setHeader('content-type', 'application/rss+xml');
        res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>${origin}/</link>${items
            .map(
              (_, i) =>
                `<item><title>Article ${i}</title><link>${origin}/a/${i}.html</link>` +
                `<pubDate>Tue, 29 Nov 2022 10:00:00 GMT</pubDate></item>`,
            )
            .join('')}</channel></rss>`,
        );
      } else if (m && items[Number(m[1])]) {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(items[Number(m[1])]);
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    /** The next run sees these articles, and its requests wait until release(). */
    hold(articles: Buffer[]) {
      items = articles;
      let release = () => undefined as void;
      gate = {
        open: new Promise<void>((ok) => {
          release = ok;
        }),
        release: () => release(),
      };
      firstRequest = new Promise<void>((ok) => {
        requested = ok;
      });
    },
    requested: () => firstRequest,
    release() {
      gate?.release();
      gate = null;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

async function startServe(db: string): Promise<{ proc: Proc; url: string }> {
  const proc = start(['--db', db, 'serve', '--port', '0']);
  for (let i = 0; i < 600 && !/triage serve: (http:\S+)\//.test(proc.err); i++) {
    if (proc.p.exitCode !== null) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const url = /triage serve: (http:\S+?)\/ /.exec(proc.err)?.[1];
  if (!url) throw new Error(`serve did not start: ${proc.err}`);
  return { proc, url };
}

const count = (r: { stdout: string }) => (JSON.parse(r.stdout) as { n: number }[])[0].n;

describe('readers beside a writer', () => {
  it('query names the writer while there is no snapshot, then reads snapshots; serve never keeps the writer out', async () => {
    const dir = tempDir('readers');
    const db = join(dir, 'triage.duckdb');
    const site = await holdingSite();
    writeFileSync(
      join(dir, 'sources.yaml'),
      'allow_private: ["127.0.0.1/32"]\nsources:\n  - {id: holding, kind: rss, ' +
        `url: "${site.origin}/feed.xml", publisher: "Holding", country: US, language: en, enabled: true}\n`,
    );
    const ingest = () => start(['--db', db, 'ingest', '--sources', join(dir, 'sources.yaml'), '--delay', '0']);
    const sql = (q: string) => run(['--db', db, 'query', '--sql', q]);
    try {
      // 1. the first run holds a database that has no snapshot yet: the reader is told who holds it
      site.hold([ARTICLE_A]);
      const first = ingest();
      await site.requested();
      const refused = await sql('SELECT count(*) AS n FROM documents');
      expect(refused.status, refused.stderr).toBe(2);
      expect(refused.stderr).toContain(`PID ${first.p.pid}`);
      expect(refused.stderr).toMatch(/being written by another Triage process.*ingest/);
      expect(refused.stderr).toMatch(/no read snapshot yet/);
      site.release();
      expect(await first.done, first.err).toBe(0);
      expect(existsSync(`${db}.snapshot`)).toBe(true);

      // 2. serve starts on the snapshot; a second run writes while serve and queries read
      const serve = await startServe(db);
      const before = await (await fetch(`${serve.url}/`)).text();
      site.hold([ARTICLE_A, ARTICLE_B]);
      const second = ingest();
      await site.requested();
      const during = await fetch(`${serve.url}/`);
      expect(during.status).toBe(200);
      expect(await during.text()).toBe(before);
      const [docs, filters] = await Promise.all([
        sql('SELECT count(*) AS n FROM documents'),
        run(['--db', db, 'query', '--json']),
      ]);
      expect(docs.status, docs.stderr).toBe(0);
      expect(count(docs)).toBe(1);
      expect(filters.status, filters.stderr).toBe(0);
      expect(JSON.parse(filters.stdout).length).toBeGreaterThan(0);
      site.release();
      expect(await second.done, second.err).toBe(0);

      // 3. the writer's snapshot is read at once: by serve on its next request, and by query
      expect(count(await sql('SELECT count(*) AS n FROM documents'))).toBe(2);
      const after = await (await fetch(`${serve.url}/`)).text();
      expect(after).not.toBe(before);
      expect(after).toMatch(/Advanced/);
      serve.proc.p.kill('SIGTERM');
      expect(await serve.proc.done).toBe(0);
    } finally {
      site.release();
      await site.close();
    }
  });

  it('serve answers throughout a `run --demo` on the same file, and both succeed', async () => {
    const dir = tempDir('readers-demo');
    const db = join(dir, 'triage.duckdb');
    const first = await run(['--db', db, 'run', '--demo', '--out', join(dir, 'out')]);
    expect(first.status, first.stderr).toBe(0);
    const serve = await startServe(db);
    const writer = start(['--db', db, 'run', '--demo', '--out', join(dir, 'out')]);
    const statuses: number[] = [];
    for (let i = 0; i < 1200 && writer.p.exitCode === null; i++) {
      statuses.push((await fetch(`${serve.url}/?text=ransomware`)).status);
      await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(await writer.done, writer.err).toBe(0);
    expect(statuses.length).toBeGreaterThan(3);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((await fetch(`${serve.url}/`)).status).toBe(200);
    serve.proc.p.kill('SIGTERM');
    expect(await serve.proc.done, serve.proc.err).toBe(0);
  });
});
