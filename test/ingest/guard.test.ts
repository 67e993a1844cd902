// The SSRF address guard. Every connection stays on 127.0.0.0/8: 127.0.0.1 is allowed, 127.0.0.2 is the
// "private address" an attacker would aim at, and a listener there proves no connection ever reached it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/effects.ts';
import { addressPolicy, normaliseAddress } from '../../ingest/fetch/guard.ts';
import { createDispatcher, demoDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { createFetcher, type FetchOutcome } from '../../ingest/fetch/fetcher.ts';
import type { AgentOptions } from '../../ingest/fetch/dispatcher.ts';
import { noSleep, serve, type TestServer } from './helpers.ts';

const LOOPBACK = ['127.0.0.1/32'];
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

async function start(handler: Parameters<typeof serve>[0]): Promise<TestServer> {
  const s = await serve(handler);
  closers.push(() => s.close());
  return s;
}

/** A listener on 127.0.0.2 that counts connections: the guard must keep it at zero. */
async function bait(): Promise<{ port: number; connections: () => number }> {
  let n = 0;
  const server: Server = createServer((_req, res) => res.end('secret'));
  server.on('connection', () => {
    n++;
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.2', ok));
  closers.push(
    () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  );
  return { port: (server.address() as AddressInfo).port, connections: () => n };
}

const fetcher = (opts: AgentOptions) =>
  createFetcher({
    dispatcher: createDispatcher(opts),
    clock: fixedClock('2022-12-05T00:00:00Z'),
    sleep: noSleep,
    robots: false,
    retries: 0,
  });

const reason = (o: FetchOutcome) => (o.kind === 'failed' ? o.reason : o.kind);

describe('address policy', () => {
  it('refuses private, loopback, link-local and special ranges in IPv4 and IPv6, including IPv4-mapped forms', () => {
    const p = addressPolicy();
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      'fc00::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      '[::ffff:10.0.0.1]',
      '64:ff9b::a00:1',
      '2002:7f00:1::',
      'not-an-ip',
    ]) {
      expect(p.allows(a), a).toBe(false);
    }
    // Public addresses pass (classification only: nothing is sent anywhere).
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:93.184.216.34'])
      expect(p.allows(a), a).toBe(true);
  });

  it('admits exactly what allow_private covers, in either family', () => {
    const p = addressPolicy(['127.0.0.1/32', 'fd00::/8']);
    expect(p.allows('127.0.0.1')).toBe(true);
    expect(p.allows('::ffff:127.0.0.1')).toBe(true);
    expect(p.allows('127.0.0.2')).toBe(false);
    expect(p.allows('fd00::5')).toBe(true);
    expect(p.allows('fe80::1')).toBe(false);
  });

  it('normalises bracketed and IPv4-mapped addresses', () => {
    expect(normaliseAddress('[::FFFF:7F00:2]')).toBe('127.0.0.2');
    expect(normaliseAddress('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(normaliseAddress('fe80::1%eth0')).toBe('fe80::1');
  });
});

describe('address guard at connect time', () => {
  it('fetches from an allowed loopback address but refuses a redirect to 127.0.0.2 without connecting to it', async () => {
    const target = await bait();
    const s = await start((req, res) => {
      if (req.url === '/escape') {
        res.writeHead(302, { location: `http://127.0.0.2:${target.port}/admin` }).end();
        return;
      }
      res.writeHead(200).end('fine');
    });
    const f = fetcher({ allowPrivate: LOOPBACK });
    expect(reason(await f.fetch({ url: `${s.origin}/ok` }))).toBe('ok');
    const out = await f.fetch({ url: `${s.origin}/escape` });
    expect(reason(out)).toBe('address_refused');
    expect(out.kind === 'failed' && out.error.message).toMatch(/127\.0\.0\.2/);
    expect(target.connections()).toBe(0);
  });

  it('refuses loopback when allow_private is absent, and IPv4-mapped IPv6 literals', async () => {
    const target = await bait();
    const s = await start((_req, res) => res.end('fine'));
    expect(reason(await fetcher({}).fetch({ url: `${s.origin}/x` }))).toBe('address_refused');
    const f = fetcher({ allowPrivate: LOOPBACK });
    expect(reason(await f.fetch({ url: `http://[::ffff:127.0.0.2]:${target.port}/` }))).toBe('address_refused');
    expect(reason(await f.fetch({ url: `http://[::ffff:7f00:2]:${target.port}/` }))).toBe('address_refused');
    expect(target.connections()).toBe(0);
  });

  it('checks every resolution of a host name, so DNS rebinding to a refused address fails', async () => {
    const target = await bait();
    const s = await start((_req, res) => res.writeHead(200, { connection: 'close' }).end('fine'));
    const port = new URL(s.origin).port;
    let lookups = 0;
    // First answer: the allowed address; later answers: the refused one (the same port is used on both).
    const resolve = async () => [{ address: lookups++ === 0 ? '127.0.0.1' : '127.0.0.2', family: 4 }];
    const f = fetcher({ allowPrivate: LOOPBACK, resolve });
    expect(reason(await f.fetch({ url: `http://rebind.example:${port}/one` }))).toBe('ok');
    expect(reason(await f.fetch({ url: `http://rebind.example:${port}/two` }))).toBe('address_refused');
    expect(lookups).toBe(2);
    expect(target.connections()).toBe(0);
  });

  it('uses only the allowed answers when a name resolves to several addresses', async () => {
    const s = await start((_req, res) => res.end('fine'));
    const resolve = async () => [
      { address: '127.0.0.2', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    const out = await fetcher({ allowPrivate: LOOPBACK, resolve }).fetch({
      url: `http://mixed.example:${new URL(s.origin).port}/`,
    });
    expect(reason(out)).toBe('ok');
  });

  it('checks the address actually connected to, not the URL: the demo dispatcher needs allow_private', async () => {
    const s = await start((_req, res) => res.end('demo'));
    const url = 'https://www.fixturechronicle.example/news/story.html';
    const opts = { clock: fixedClock('2022-12-05T00:00:00Z'), sleep: noSleep, robots: false, retries: 0 };
    const refused = createFetcher({ dispatcher: demoDispatcher(s.origin, createDispatcher({})), ...opts });
    expect(reason(await refused.fetch({ url }))).toBe('address_refused');
    const allowed = createFetcher({
      dispatcher: demoDispatcher(s.origin, createDispatcher({ allowPrivate: LOOPBACK })),
      ...opts,
    });
    expect(reason(await allowed.fetch({ url }))).toBe('ok');
  });
});
