// A pool of worker threads for the CPU-bound stages (clean, extract), one per core by default. Workers run
// TypeScript through tsx, registered by worker-boot.mjs (resolved from this package: any working directory works). With size 0 the same
// calls run in this thread: the sequential reference the tests and benchmarks compare against.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SkipError, type FailureReason } from '../core/errors.ts';
import type { CleanArticle, Extraction, FetchedPage } from '../core/records.ts';
import { cleanFetchedPageAsync } from '../ingest/clean/page.ts';
import { extract, loadReference, type Reference } from '../analyze/extract/index.ts';
import { PROJECT } from './paths.ts';

export interface TaskRequest { id: number; task: 'clean' | 'extract'; input: unknown }
export type TaskReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; skip: boolean; reason: FailureReason; message: string };

export interface Pool {
  /** worker threads (0: in this thread) */
  readonly size: number;
  /** tasks a caller should keep in flight to keep every thread busy */
  readonly window: number;
  /** throws SkipError like cleanFetchedPageAsync */
  clean(page: FetchedPage): Promise<CleanArticle>;
  extract(article: CleanArticle): Promise<Extraction>;
  /** ends the worker threads now (their heaps are freed); the next task starts them again */
  release(): Promise<void>;
  close(): Promise<void>;
}

export interface PoolOptions { size?: number; referenceDir?: string; reference?: Reference }

export const defaultPoolSize = (): number => availableParallelism();

export function createPool(opts: PoolOptions = {}): Pool {
  const size = opts.size ?? defaultPoolSize();
  const referenceDir = opts.referenceDir ?? PROJECT.reference;
  return size > 0 ? new WorkerPool(size, referenceDir) : inlinePool(opts.reference, referenceDir);
}

function inlinePool(given: Reference | undefined, dir: string): Pool {
  let reference: Promise<Reference> | null = given ? Promise.resolve(given) : null;
  return {
    size: 0, window: 1,
    clean: (page) => cleanFetchedPageAsync(page),
    extract: async (article) => extract(article, await (reference ??= (async () => loadReference(dir))())),
    release: async () => {},
    close: async () => {},
  };
}

interface Pending { resolve(v: unknown): void; reject(e: unknown): void; item: string }
interface Slot { worker: Worker; pending: Map<number, Pending>; ending: boolean }

class WorkerPool implements Pool {
  readonly window: number;
  // Started on the first task, so a stage with nothing to do costs no threads; release() ends them.
  private slots: Slot[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number, private readonly referenceDir: string) {
    this.window = size * 4;
  }

  private start(): Slot[] {
    this.slots = Array.from({ length: this.size }, () => {
      const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { referenceDir: this.referenceDir } });
      const slot: Slot = { worker, pending: new Map(), ending: false };
      worker.on('message', (reply: TaskReply) => this.settle(slot, reply));
      worker.on('error', (err) => this.failAll(slot, err));
      worker.on('exit', (code) => { if (!slot.ending) this.failAll(slot, new Error(`worker exited with code ${code}`)); });
      worker.unref();
      return slot;
    });
    return this.slots;
  }

  private settle(slot: Slot, reply: TaskReply): void {
    const p = slot.pending.get(reply.id);
    if (!p) return;
    slot.pending.delete(reply.id);
    if (slot.pending.size === 0) slot.worker.unref();
    if (reply.ok) p.resolve(reply.value);
    else p.reject(reply.skip ? new SkipError(reply.reason, reply.message, p.item) : new Error(reply.message));
  }

  private failAll(slot: Slot, err: unknown): void {
    for (const p of slot.pending.values()) p.reject(err);
    slot.pending.clear();
  }

  private submit<T>(task: TaskRequest['task'], input: unknown, item: string, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    // The least busy worker: tasks differ in size, so round-robin would leave one core idle.
    const slots = this.slots.length ? this.slots : this.start();
    const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    // A busy worker keeps the process alive; an idle one does not, so a forgotten close() cannot hang the CLI.
    slot.worker.ref();
    return new Promise<T>((resolve, reject) => {
      slot.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, item });
      slot.worker.postMessage({ id, task, input } satisfies TaskRequest, transfer);
    });
  }

  clean(page: FetchedPage): Promise<CleanArticle> {
    const body = page.body;
    // The page body moves to the worker instead of being copied (the caller is done with it).
    const whole = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
    return this.submit('clean', page, page.file ?? page.url, whole ? [body.buffer as ArrayBuffer] : []);
  }

  extract(article: CleanArticle): Promise<Extraction> {
    return this.submit('extract', article, article.url ?? article.file ?? article.doc_id);
  }

  async release(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    for (const s of slots) s.ending = true;
    // tasks still in flight are refused, not lost silently
    for (const s of slots) this.failAll(s, new Error('worker pool released'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.release();
  }
}
