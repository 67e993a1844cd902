// Issue 15, item 3, through a real feed on 127.0.0.1: links carrying credentials are fetched without them and
// stored, printed and exported without them; feed titles with terminal control sequences reach stderr inert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../../store/store.ts';
import { tempDir, treeChanges, treeHash, triage, triageAsync } from './harness.ts';
import { hostileStore } from './output-fixture.ts';

// (triageAsync: the CLI without blocking this process, whose event loop serves the feed)

const SECRET = 'hunter2-feed';
const CANON_SECRET = 'canon-pw-77';
/** OSC 52 (write "hi" to the clipboard), a screen clear, a C1 CSI and a newline that would forge a log line. */
const HOSTILE_TITLE = 'Clipboard \u001b]52;c;aGk=\u0007 clear \u001b[2J\u001b[H c1 \u009b31m forged\nerror: fake';

const P = (n: number) =>
  `<p>Paragraph ${n}: Riverside Valley Hospital in Spokane said a ransomware attack took its ` +
  'electronic health record system offline; clinicians switched to paper charts while the network was rebuilt.</p>';
const ARTICLE = (origin: string) => `<!doctype html><html><head><title>Riverside Valley Hospital attack</title>
<link rel="canonical" href="${origin.replace('//', `//editor:${CANON_SECRET}@`)}/a/story"></head>
<body><article><h1>Riverside Valley Hospital attack</h1>${[1, 2, 3, 4].map(P).join('')}</article></body></html>`;

const rss = (origin: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Hostile</title><link>${origin}/</link><description>x</description>
<item><title>Good story</title><link>${origin.replace('//', `//reader:${SECRET}@`)}/a/story</link>
  <pubDate>Mon, 13 Mar 2023 10:00:00 GMT</pubDate></item>
<item><title>${HOSTILE_TITLE.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>
  <pubDate>Mon, 13 Mar 2023 11:00:00 GMT</pubDate></item>
</channel></rss>`;

let server: Server;
let origin: string;
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(origin));
    else if (req.url === '/a/story') res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE(origin));
    else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const catalogue = (url: string) => `allow_private: ["127.0.0.1/32"]
sources:
  - {id: hostile, kind: rss, url: "${url}", publisher: Hostile, country: US, language: en, interval: 1h}
`;

describe('sources.yaml refuses URLs with credentials', () => {
  it('exits 2 naming the entry, without echoing the password, and writes nothing', () => {
    const root = tempDir('userinfo-yaml');
    const yaml = join(root, 'sources.yaml');
    writeFileSync(yaml, catalogue(`http://alice:${SECRET}@127.0.0.1:9/feed.xml`));
    const before = treeHash(root);
    const r = triage(['--db', join(root, 'db.duckdb'), 'ingest', '--sources', yaml, '--delay', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/sources\[0\] \(id "hostile"\)\.url: must not contain a user name or password/);
    expect(r.stderr + r.stdout).not.toContain(SECRET);
    expect(r.stderr + r.stdout).not.toContain('alice');
    expect(treeChanges(before, treeHash(root))).toEqual([]);
  });
});

describe('a feed with credentials in its links and control sequences in its titles', () => {
  let root: string;
  let db: string;
  let ingest: Awaited<ReturnType<typeof triageAsync>>;
  beforeAll(async () => {
    root = tempDir('feed');
    db = join(root, 'db.duckdb');
    writeFileSync(join(root, 'sources.yaml'), catalogue(`${origin}/feed.xml`));
    ingest = await triageAsync([
      '--db',
      db,
      'ingest',
      '--sources',
      join(root, 'sources.yaml'),
      '--delay',
      '0',
      '--workers',
      '0',
    ]);
  }, 120_000);

  it('fetches the link without the credentials (no Authorization header sent)', () => {
    expect([0, 3], ingest.stderr).toContain(ingest.status);
    expect(seen.some((s) => s.url === '/a/story')).toBe(true);
    expect(seen.filter((s) => s.headers.authorization !== undefined)).toEqual([]);
  });

  it('stores feed item links, documents.url and canonical_url without them', () => {
    const q = (sql: string) => {
      const r = triage(['--db', db, 'query', '--json', '--sql', sql]);
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    const stored = q(`SELECT (SELECT list(link) FROM feed_items) AS links, (SELECT list(url) FROM documents) AS urls,
      (SELECT list(canonical_url) FROM documents) AS canon, (SELECT list(final_url) FROM fetches) AS finals`);
    const [row] = JSON.parse(stored) as { links: string[]; urls: string[]; canon: string[] }[];
    expect(row.links).toEqual([`${origin}/a/story`]);
    expect(row.urls).toEqual([`${origin}/a/story`]);
    expect(row.canon).toEqual([`${origin}/a/story`]);
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain(CANON_SECRET);
  });

  it('prints the hostile title on stderr as one inert line: escapes, no raw control character', () => {
    const line = ingest.stderr.split('\n').find((l) => l.includes('Clipboard'));
    expect(line).toBeDefined();
    expect(line).toContain('\\x1b]52;c;aGk=\\x07');
    expect(line).toContain('\\x1b[2J\\x1b[H');
    expect(line).toContain('\\x9b31m forged\\nerror: fake');
    // nothing but printable text and the line breaks between log lines
    expect(ingest.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(ingest.stderr.split('\n').filter((l) => l.startsWith('error: fake'))).toEqual([]);
    expect(ingest.stderr).not.toContain(SECRET);
  });

  it('exports (csv, jsonl, parquet, stix) and prints (incidents, query) nothing with the credentials', () => {
    for (const format of ['csv', 'jsonl', 'parquet', 'stix']) {
      const out = join(root, `export-${format}`);
      const before = treeHash(root, (p) => p.startsWith(`export-${format}`));
      const r = triage(['--db', db, 'export', '--format', format, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      expect(
        treeChanges(
          before,
          treeHash(root, (p) => p.startsWith(`export-${format}`)),
        ),
      ).toEqual([]);
      for (const file of readdirSync(out, { recursive: true }) as string[]) {
        if (!/\.(csv|jsonl|json|md)$/.test(file)) continue;
        const text = readFileSync(join(out, file), 'utf8');
        expect(text, file).not.toContain(SECRET);
        expect(text, file).not.toContain(CANON_SECRET);
      }
    }
    for (const args of [
      ['incidents', '--json'],
      ['query', '--json'],
      ['sources', 'status', '--json'],
    ]) {
      const r = triage(['--db', db, ...args]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
    }
  });
});

describe('a store written before links were stripped', () => {
  it('still exports and prints no credentials (csv, jsonl, parquet, stix, incidents, query)', async () => {
    const s = hostileStore('legacy');
    const LEGACY = 'legacy-pw-42';
    const store = await Store.open(s.db);
    try {
      await store.run(`UPDATE documents SET url = replace(url, 'https://', 'https://old:${LEGACY}@'),
        canonical_url = 'https://old:${LEGACY}@canon.example/a'`);
      await store.run(
        `UPDATE incidents SET record = replace(record::VARCHAR, 'https://', 'https://old:${LEGACY}@')::JSON`,
      );
      const planted = await store.one<{ n: number }>(
        `SELECT count(*) AS n FROM incidents WHERE record::VARCHAR LIKE '%${LEGACY}@%'`,
      );
      expect(Number(planted?.n)).toBeGreaterThan(0);
    } finally {
      store.close();
    }
    for (const format of ['csv', 'jsonl', 'parquet', 'stix']) {
      const out = join(s.root, `export-${format}`);
      const r = triage(['--db', s.db, 'export', '--format', format, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      for (const file of readdirSync(out, { recursive: true }) as string[]) {
        if (!/\.(csv|jsonl|json)$/.test(file)) continue;
        const text = readFileSync(join(out, file), 'utf8');
        expect(text, file).not.toContain(LEGACY);
        if (/^(documents|incidents)\./.test(file)) expect(text, file).toMatch(/https:\/\/news\d\.example\//);
      }
    }
    for (const args of [
      ['incidents', '--json'],
      ['query', '--json'],
      ['query', '--csv'],
      ['query', '--json', '--sql', 'SELECT url, canonical_url FROM documents'],
    ]) {
      const r = triage(['--db', s.db, ...args]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout, args.join(' ')).not.toContain(LEGACY);
      expect(r.stdout, args.join(' ')).toMatch(/https:\/\/(news\d|canon)\.example\//);
    }
  }, 120_000);
});
