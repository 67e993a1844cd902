// Headless Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on fd 3,
// replies and events on fd 4, NUL-delimited JSON). No WebSocket and no npm browser driver needed.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { ConfigError } from '../../core/errors.ts';

/** Flags for a quiet, offline, throw-away browser: no sandbox (containers), no GPU, no phoning home. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  '--hide-scrollbars',
  '--remote-debugging-pipe',
];

type Params = Record<string, unknown>;
export interface CdpEvent {
  method: string;
  params: Params;
  sessionId?: string;
}
type Pending = { resolve: (v: Params) => void; reject: (e: Error) => void; method: string };

/** Debian's Chromium: used when installed (it needs no unpacking); else the npm package's. */
export const SYSTEM_CHROMIUM: readonly string[] = ['/usr/bin/chromium'];

/**
 * The browser binary: TRIAGE_CHROMIUM when set, else a system Chromium when present, else the headless Chromium
 * that ships inside the npm package @sparticuz/chromium (unpacked to the temp folder on first use), so `npm ci`
 * is all a machine needs.
 */
export async function chromiumPath(env: NodeJS.ProcessEnv = process.env, system = SYSTEM_CHROMIUM): Promise<string> {
  const path = env.TRIAGE_CHROMIUM;
  if (path) {
    if (!existsSync(path))
      throw new ConfigError('TRIAGE_CHROMIUM names no file (unset it to use the bundled one)', path);
    return path;
  }
  const installed = system.find((p) => existsSync(p));
  if (installed) return installed;
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    return await chromium.executablePath();
  } catch (err) {
    throw new ConfigError(`cannot unpack the bundled Chromium: ${(err as Error).message}`, '@sparticuz/chromium');
  }
}

export class Browser {
  private nextId = 1;
  private buffer = '';
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(e: CdpEvent) => void>();
  private exited = false;

  private constructor(
    private readonly proc: ChildProcess,
    private readonly profile: string,
  ) {
    const out = proc.stdio[4] as Readable;
    out.setEncoding('utf8');
    out.on('data', (chunk: string) => this.onData(chunk));
    proc.on('exit', () => this.fail('exited'));
    // A browser that dies at once closes its end of the pipe: the write fails with EPIPE, which must reject
    // the pending command rather than crash the process as an unhandled 'error' event.
    (proc.stdio[3] as Writable).on('error', () => this.fail('closed the pipe'));
  }

  private fail(how: string): void {
    this.exited = true;
    for (const p of this.pending.values()) p.reject(new Error(`chromium ${how} during ${p.method}`));
    this.pending.clear();
  }

  static async launch(path?: string): Promise<Browser> {
    const executable = path ?? (await chromiumPath());
    const profile = await mkdtemp(join(tmpdir(), 'triage-chromium-'));
    const proc = spawn(executable, [...FLAGS, `--user-data-dir=${profile}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    });
    // Chromium is chatty on stderr (dbus, GPU notices): drain it so it never blocks.
    proc.stderr?.resume();
    await new Promise<void>((resolve, reject) => {
      proc.once('spawn', () => resolve());
      proc.once('error', (err) => reject(new ConfigError(`cannot start chromium: ${err.message}`, executable)));
    });
    const browser = new Browser(proc, profile);
    try {
      await browser.send('Browser.getVersion');
    } catch (err) {
      proc.kill('SIGKILL');
      await rm(profile, { recursive: true, force: true });
      throw new ConfigError(`cannot start chromium: ${(err as Error).message}`, executable);
    }
    return browser;
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const msg = JSON.parse(this.buffer.slice(0, end)) as {
        id?: number;
        result?: Params;
        error?: { message: string };
      } & CdpEvent;
      this.buffer = this.buffer.slice(end + 1);
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(`${p.method}: ${msg.error.message}`));
        else p?.resolve(msg.result ?? {});
      } else {
        for (const l of this.listeners) l(msg);
      }
    }
  }

  send<T = Params>(method: string, params: Params = {}, sessionId?: string): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`chromium is not running (${method})`));
    const id = this.nextId++;
    const msg = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: Params) => void, reject, method });
      (this.proc.stdio[3] as Writable).write(`${msg}\0`);
    });
  }

  on(listener: (e: CdpEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first event matching the predicate. */
  waitFor(pred: (e: CdpEvent) => boolean): Promise<CdpEvent> {
    return new Promise((resolve) => {
      const off = this.on((e) => {
        if (pred(e)) {
          off();
          resolve(e);
        }
      });
    });
  }

  /** A fresh page (tab) with its own flat-mode session. */
  async newPage(): Promise<Page> {
    const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(this, sessionId);
    await page.send('Page.enable');
    await page.send('Runtime.enable');
    return page;
  }

  async close(): Promise<void> {
    if (!this.exited) {
      const gone = new Promise((r) => this.proc.once('exit', r));
      this.send('Browser.close').catch(() => undefined);
      await gone;
    }
    await rm(this.profile, { recursive: true, force: true });
  }
}

export class Page {
  constructor(
    readonly browser: Browser,
    readonly sessionId: string,
  ) {}

  send<T = Params>(method: string, params: Params = {}): Promise<T> {
    return this.browser.send<T>(method, params, this.sessionId);
  }

  /** Events of this page only. */
  on(listener: (e: CdpEvent) => void): () => void {
    return this.browser.on((e) => {
      if (e.sessionId === this.sessionId) listener(e);
    });
  }

  /** Navigates and waits for the load event. */
  async goto(url: string): Promise<void> {
    const loaded = this.browser.waitFor((e) => e.sessionId === this.sessionId && e.method === 'Page.loadEventFired');
    const nav = await this.send<{ errorText?: string }>('Page.navigate', { url });
    if (nav.errorText) throw new Error(`cannot open ${url}: ${nav.errorText}`);
    await loaded;
  }

  /** Evaluates an expression in the page and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', {
      expression,
      returnByValue: true,
      awaitPromise: true,
    });
    if (r.exceptionDetails) throw new Error(`page evaluation failed: ${r.exceptionDetails.text}`);
    return r.result.value as T;
  }

  async setViewport(width: number, height: number, mobile = false): Promise<void> {
    await this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile });
  }

  /** PNG of the whole page (not only the viewport). */
  async screenshot(): Promise<Buffer> {
    const { cssContentSize: s } = await this.send<{ cssContentSize: { width: number; height: number } }>(
      'Page.getLayoutMetrics',
    );
    const clip = { x: 0, y: 0, width: Math.ceil(s.width), height: Math.ceil(s.height), scale: 1 };
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', {
      format: 'png',
      clip,
      captureBeyondViewport: true,
    });
    return Buffer.from(data, 'base64');
  }

  /** A4 PDF with the page's print styles and backgrounds. */
  async pdf(): Promise<Buffer> {
    const { data } = await this.send<{ data: string }>('Page.printToPDF', {
      printBackground: true,
      preferCSSPageSize: false,
      paperWidth: 8.27,
      paperHeight: 11.69,
      marginTop: 0.5,
      marginBottom: 0.6,
      // page numbers in the footer of every page (A4 = 8.27 × 11.69 in)
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#555">' +
        'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      marginLeft: 0.45,
      marginRight: 0.45,
    });
    return Buffer.from(data, 'base64');
  }
}
