// Alerts through the real CLI against loopback servers: a new article yields exactly one alert in the Atom feed,
// the JSON Feed and a webhook receiver (HMAC verified), none on a re-run, and exactly one after a kill -9 between
// storing the incident and alerting. Plus the outbox rules and the webhook address guard, in process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { fixedClock, memoryLogger } from '../../core/effects.ts';
import { Store } from '../../store/store.ts';
import { queueAlerts } from '../../store/alerts.ts';
import { publishAlerts } from '../../pipeline/alerts.ts';
import { createDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { startServer } from '../../reports/serve/server.ts';
import { startNewsSite, siteCatalogue, type NewsSite } from '../support/news-site.ts';

const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));
const SECRET = 'test-hook-secret';

interface Hook {
  url: string;
  received: { id: string; body: string; signature: string }[];
  close(): Promise<void>;
}

async function startHook(): Promise<Hook> {
  const received: Hook['received'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => {
      body += c;
    });
    req.on('end', () => {
      received.push({
        id: String(req.headers['x-triage-alert-id']),
        body,
        signature: String(req.headers['x-triage-signature']),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

let site: NewsSite;
let hook: Hook;
beforeAll(async () => {
  site = await startNewsSite();
  hook = await startHook();
});
afterAll(async () => {
  await site?.close();
  await hook?.close();
});

interface Ran {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<Ran> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  return new Promise((done) => child.on('close', (status, signal) => done({ status, signal, stderr })));
}

const feedIds = (out: string) => ({
  json: (JSON.parse(readFileSync(join(out, 'alerts.json'), 'utf8')).items as { id: string }[]).map((i) => i.id).sort(),
  atom: [...readFileSync(join(out, 'alerts.atom'), 'utf8').matchAll(/<id>urn:triage:alert:([^<]+)<\/id>/g)]
    .map((m) => m[1])
    .sort(),
});

describe('alerts', () => {
  it('one alert per new incident version: feeds and webhook, none on a re-run, one after a kill -9', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-alerts-'));
    const sources = join(dir, 'sources.yaml');
    writeFileSync(sources, siteCatalogue(site.origin, '6h', [{ url: hook.url, secret_env: 'TRIAGE_TEST_HOOK' }]));
    const out = join(dir, 'out');
    // spawned, not spawnSync: the site and the webhook receiver answer from this process's event loop
    const run = (env: Record<string, string> = {}) =>
      runCli(['run', '--sources', sources, '--out', out, '--db', join(dir, 't.duckdb')], {
        TRIAGE_TEST_HOOK: SECRET,
        ...env,
      });

    site.add('Riverside Valley Hospital', 'Spokane', '2023-03-13');
    const first = await run();
    expect(first.status, first.stderr).toBe(0);
    const base = feedIds(out);
    expect(base.json).toHaveLength(1);
    expect(base.atom).toEqual(base.json);
    expect(hook.received.map((r) => r.id)).toEqual(base.json);

    // a new article: exactly one more alert, in both feeds and at the webhook, signed
    site.add('Lakeshore General Hospital', 'Salem', '2023-03-14');
    expect((await run()).status).toBe(0);
    const second = feedIds(out);
    const added = second.json.filter((id) => !base.json.includes(id));
    expect(added).toHaveLength(1);
    expect(second.atom).toEqual(second.json);
    expect(hook.received).toHaveLength(2);
    const delivered = hook.received[1];
    expect(delivered.id).toBe(added[0]);
    expect(delivered.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(delivered.body).digest('hex')}`);
    expect(JSON.parse(delivered.body)).toMatchObject({ kind: 'new', victim: 'Lakeshore General Hospital' });
    expect(readFileSync(join(out, 'alerts.atom'), 'utf8')).toContain('New incident: Lakeshore General Hospital');

    // nothing new: the same feeds, nothing sent
    expect((await run()).status).toBe(0);
    expect(feedIds(out)).toEqual(second);
    expect(hook.received).toHaveLength(2);

    // killed (-9) after the incident and its alert were stored, before any alert went out
    site.add('Pinecrest Medical Center', 'Boise', '2023-03-15');
    const killed = await run({ TRIAGE_FAULT: 'kill-before-alerts' });
    expect(killed.signal).toBe('SIGKILL');
    expect(feedIds(out)).toEqual(second);
    expect(hook.received).toHaveLength(2);
    const after = await run();
    expect(after.status, after.stderr).toBe(0);
    const third = feedIds(out);
    expect(third.json.filter((id) => !second.json.includes(id))).toHaveLength(1);
    expect(hook.received).toHaveLength(3);
    expect(JSON.parse(hook.received[2].body)).toMatchObject({ victim: 'Pinecrest Medical Center' });
    // and once only
    expect((await run()).status).toBe(0);
    expect(feedIds(out)).toEqual(third);
    expect(hook.received).toHaveLength(3);
  }, 300_000);
});

describe('alert outbox', () => {
  const version = (facts: Record<string, unknown>) => ({
    incident_id: 'inc_1',
    victim: 'X Hospital',
    facts,
    link: null,
  });

  it('queues a new incident once, a changed fact once more, and names the change', async () => {
    const store = await Store.open(':memory:');
    try {
      const q = (facts: Record<string, unknown>) =>
        store.transaction(() => queueAlerts(store, [version(facts)], '2023-03-14T10:00:00Z'));
      expect(await q({ status: 'reported', actor: null })).toBe(1);
      expect(await q({ status: 'reported', actor: null })).toBe(0);
      expect(await q({ status: 'claimed-by-group', actor: 'LockBit' })).toBe(1);
      const rows = await store.all<{ kind: string; changes: string }>(
        'SELECT kind, changes::VARCHAR AS changes FROM alert_outbox ORDER BY kind',
      );
      expect(rows.map((r) => r.kind)).toEqual(['changed', 'new']);
      expect(JSON.parse(rows[0].changes)).toEqual([
        { field: 'status', from: 'reported', to: 'claimed-by-group' },
        { field: 'actor', from: null, to: 'LockBit' },
      ]);
    } finally {
      store.close();
    }
  });

  it('sends webhooks through the address guard: loopback refused unless allowed, retried on the next run', async () => {
    const store = await Store.open(':memory:');
    const log = memoryLogger();
    const receiver = await startHook();
    try {
      await store.transaction(() => queueAlerts(store, [version({ status: 'reported' })], '2023-03-14T10:00:00Z'));
      const deps = (allowPrivate?: string[]) => ({
        store,
        clock: fixedClock('2023-03-14T11:00:00Z'),
        log,
        webhook: { dispatcher: createDispatcher({ allowPrivate }), sleep: async () => {}, attempts: 2 },
      });
      const dir = mkdtempSync(join(tmpdir(), 'triage-hook-'));
      const target = { url: receiver.url, secret: SECRET };
      const refused = await publishAlerts(deps(), { outDir: dir, webhooks: [target] });
      expect(refused).toMatchObject({ delivered: 0, undelivered: 1 });
      expect(receiver.received).toHaveLength(0);
      expect(log.lines.join('\n')).toMatch(/not delivered .*(refused|private|loopback)/i);
      const allowed = await publishAlerts(deps(['127.0.0.1/32']), { outDir: dir, webhooks: [target] });
      expect(allowed).toMatchObject({ delivered: 1, undelivered: 0 });
      expect(receiver.received).toHaveLength(1);
      expect(await publishAlerts(deps(['127.0.0.1/32']), { outDir: dir, webhooks: [target] })).toMatchObject({
        delivered: 0,
      });
    } finally {
      await receiver.close();
      store.close();
    }
  });
});

describe('serve', () => {
  it('serves the feeds of --out as /alerts.atom and /alerts.json, 404 before any run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-feeds-'));
    const db = join(dir, 't.duckdb');
    (await Store.open(db)).close();
    const store = await Store.open(db, { readOnly: true });
    const server = await startServer({ store, port: 0, log: memoryLogger(), alertsDir: join(dir, 'out') });
    try {
      expect((await fetch(`${server.url}/alerts.atom`)).status).toBe(404);
      const writer = await Store.open(':memory:');
      await writer.transaction(() =>
        queueAlerts(
          writer,
          [{ incident_id: 'inc_1', victim: '<b>X</b>', facts: {}, link: null }],
          '2023-03-14T10:00:00Z',
        ),
      );
      await publishAlerts(
        {
          store: writer,
          clock: fixedClock('2023-03-14T11:00:00Z'),
          log: memoryLogger(),
          webhook: { dispatcher: createDispatcher(), sleep: async () => {} },
        },
        { outDir: join(dir, 'out'), webhooks: [] },
      );
      writer.close();
      const atom = await fetch(`${server.url}/alerts.atom`);
      expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
      expect(atom.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      const text = await atom.text();
      expect(text).toContain('<title>New incident: &lt;b&gt;X&lt;/b&gt;</title>');
      const json = await (await fetch(`${server.url}/alerts.json`)).json();
      expect(json.items[0].title).toBe('New incident: <b>X</b>');
    } finally {
      await server.close();
      store.close();
    }
  });
});
