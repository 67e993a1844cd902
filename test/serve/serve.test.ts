// The journalists' search page in real headless Chromium: search "crore", open the AIIMS incident, see its
// sources; plus the security headers, escaping of untrusted text, and the read-only store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { memoryLogger } from '../../core/effects.ts';
import { Store } from '../../store/store.ts';
import { startServer, type RunningServer } from '../../reports/serve/server.ts';
import { esc, highlighted, link } from '../../reports/serve/html.ts';
import { buildDemoDb, type DemoDb } from '../query/demo-db.ts';
import { chromiumPath } from '../../reports/weekly/browser.ts';

let demo: DemoDb;
let store: Store;
let server: RunningServer;
let browser: BrowserContext | undefined;
let profile: string;

beforeAll(async () => {
  demo = await buildDemoDb();
  store = await Store.open(demo.path, { readOnly: true });
  server = await startServer({ store, port: 0, log: memoryLogger() });
  profile = await mkdtemp(join(tmpdir(), 'triage-chromium-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  store?.close();
  await demo?.cleanup();
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** Chromium with a throw-away profile (playwright passes it as --user-data-dir) and no background traffic. */
async function openBrowser(): Promise<BrowserContext> {
  browser ??= await chromium.launchPersistentContext(profile, {
    executablePath: await chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return browser;
}

describe('triage serve', () => {
  it('listens on 127.0.0.1 and sends a strict CSP and no-sniff headers', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(`${server.url}/`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(r.headers.get('content-security-policy')).not.toMatch(/unsafe/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${server.url}/`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${server.url}/incident/nope`)).status).toBe(404);
  });

  it('escapes untrusted text everywhere it renders it', async () => {
    const evil = `"><script>alert(1)</script><img src=x onerror=alert(2)>`;
    const html = await (
      await fetch(`${server.url}/?victim=${encodeURIComponent(evil)}&text=${encodeURIComponent(evil)}`)
    ).text();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;');
    expect(esc(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link('https://a.example/?q="x"', '<b>')).toBe(
      '<a href="https://a.example/?q=&quot;x&quot;" rel="noopener noreferrer nofollow" target="_blank">&lt;b&gt;</a>',
    );
    expect(highlighted('a <b> crore', [[6, 11]])).toBe('a &lt;b&gt; <mark>crore</mark>');
  });

  it('in Chromium: search "crore", open the AIIMS incident, see at least 3 sources with links', async () => {
    const page = await (await openBrowser()).newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${server.url}/`);
    await page.fill('input[name="text"]', 'crore');
    await Promise.all([page.waitForURL(/text=crore/), page.click('button[type="submit"]')]);
    const first = page.locator('table.results tbody tr').first();
    await expect(first.locator('mark').first().textContent()).resolves.toMatch(/crore/i);
    const aiims = page.locator('a.incident', { hasText: 'All India Institute of Medical Sciences' });
    await Promise.all([page.waitForURL(/\/incident\//), aiims.click()]);
    expect(await page.locator('h1').textContent()).toMatch(/All India Institute of Medical Sciences/);
    const sources = page.locator('ol.sources li.source a');
    expect(await sources.count()).toBeGreaterThanOrEqual(3);
    for (const href of await sources.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(href).toMatch(/^https:\/\//);
    expect(await page.locator('ol.sources mark').count()).toBeGreaterThan(0);
    // the stylesheet loaded under the CSP
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('header')!).backgroundColor)).toBe(
      'rgb(29, 53, 87)',
    );
    expect(violations).toEqual([]);
    await page.close();
  });

  it('the store behind the page is read-only', async () => {
    expect(store.readOnly).toBe(true);
    await expect(store.run('DELETE FROM incidents')).rejects.toThrow(/read-only/i);
  });
});
