// A pool of worker threads for the CPU-bound stages (clean, extract), one per core by default. Workers run
// TypeScript through the package's loader (core/register.mjs), registered by worker-boot.mjs (resolved from this
// package: any working directory works).
// With size 0 the same calls run in this thread: the sequential reference the tests and benchmarks compare against.
// Each document has a time budget: a worker still busy with one when it runs out is ended and replaced, the
// document fails with the typed reason `timeout`, and the run goes on (a hostile page cannot stall a stage).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SkipError, type FailureReason } from '../core/errors.ts';
import type { CleanArticle, Extraction, FetchedPage } from '../core/records.ts';
import type { Reference } from '../analyze/extract/index.ts';
import type { DeriveAsk, Derived } from './derived.ts';
import { PROJECT } from '../core/paths.ts';
import { yamlCache } from '../core/yaml.ts';

export interface TaskRequest {
  id: number;
  task: 'clean' | 'extract';
  input: unknown;
}
export type TaskReply =
  | { ready: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; skip: boolean; reason: FailureReason; message: string; input?: string };

export interface Pool {
  /** worker threads (0: in this thread) */
  readonly size: number;
  /** tasks a caller should keep in flight to keep every thread busy */
  readonly window: number;
  /** throws SkipError like cleanFetchedPageAsync */
  clean(page: FetchedPage): Promise<CleanArticle>;
  extract(article: CleanArticle): Promise<Extraction>;
  /** extract(), and in the same task what `ask` names (pipeline/derived.ts) */
  extractDerived(article: VersionArticle, ask: DeriveAsk): Promise<ExtractedDerived>;
  /** ends the worker threads now (their heaps are freed); the next task starts them again */
  release(): Promise<void>;
  close(): Promise<void>;
}

export type VersionArticle = CleanArticle & { version_id: string };
/** An extract task's input from extractDerived(): the worker answers with an ExtractedDerived */
export type DeriveInput = VersionArticle & { derive: DeriveAsk };
export interface ExtractedDerived {
  extraction: Extraction;
  derived: Derived;
}

export interface PoolOptions {
  size?: number;
  referenceDir?: string;
  reference?: Reference;
  /** budget of one document in a worker, from the moment it is handed over (default 60 s; the inline pool has
   * none: code running in this thread cannot be interrupted) */
  taskTimeoutMs?: number;
  /** the worker's entry module (default worker-boot.mjs); it must speak TaskRequest/TaskReply */
  workerUrl?: URL;
}

export const defaultPoolSize = (): number => availableParallelism();

/** A worker's young generation (V8's default is 32 MB of semi-spaces per thread): measured on 1,200 real copies,
 * 16 MB cut the peak RSS of ingest and analyze by ~40 MB at the same CPU time; 8 MB saved nothing more. */
const YOUNG_GENERATION_MB = 16;

/** A page cleans in milliseconds and a 5 MB PDF in seconds; a minute means the worker is stuck. */
export const DEFAULT_TASK_TIMEOUT_MS = 60_000;

export function createPool(opts: PoolOptions = {}): Pool {
  const size = opts.size ?? defaultPoolSize();
  const referenceDir = opts.referenceDir ?? PROJECT.reference;
  if (size <= 0) return inlinePool(opts.reference, referenceDir);
  return new WorkerPool(
    size,
    referenceDir,
    opts.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS,
    opts.workerUrl ?? new URL('./worker-boot.mjs', import.meta.url),
  );
}

// The cleaner and the extractor load when the inline pool first uses them: the worker threads load their own, and a
// run with nothing to clean or extract (a no-op analyze) loads neither.
const cleaner = () => import('../ingest/clean/page.ts');
const extractor = () => import('../analyze/extract/index.ts');
const deriver = () => Promise.all([import('./derived.ts'), import('./intel.ts')]);

function inlinePool(given: Reference | undefined, dir: string): Pool {
  let reference: Promise<Reference> | null = given ? Promise.resolve(given) : null;
  return {
    size: 0,
    window: 1,
    clean: async (page) => (await cleaner()).cleanFetchedPageAsync(page),
    extract: async (article) => {
      const { extract, loadReference } = await extractor();
      return extract(article, await (reference ??= (async () => loadReference(dir))()));
    },
    async extractDerived(article, ask) {
      const extraction = await this.extract(article);
      const [{ derive }, { intelReference }] = await deriver();
      return { extraction, derived: derive(article, ask, () => intelReference(dir)) };
    },
    release: async () => {},
    close: async () => {},
  };
}

interface Task {
  id: number;
  task: TaskRequest['task'];
  input: unknown;
  item: string;
  transfer: ArrayBuffer[];
  resolve(v: unknown): void;
  reject(e: unknown): void;
}
/** One thread: it takes a task once it has said it is ready, and one at a time, so the budget times that task. */
interface Slot {
  worker: Worker;
  ready: boolean;
  running: Task | null;
  timer: NodeJS.Timeout | null;
  ending: boolean;
  /** tasks answered: a thread that never answered one is not replaced when it dies */
  done: number;
}

class WorkerPool implements Pool {
  readonly window: number;
  // Started on the first task, so a stage with nothing to do costs no threads; release() ends them.
  private slots: Slot[] = [];
  /** tasks not yet handed to a thread: whichever thread is free first takes the next */
  private queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly referenceDir: string,
    private readonly budgetMs: number,
    private readonly workerUrl: URL,
  ) {
    this.window = size * 4;
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, {
      workerData: { referenceDir: this.referenceDir, yamlCache: yamlCache() },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const slot: Slot = { worker, ready: false, running: null, timer: null, ending: false, done: 0 };
    worker.on('message', (reply: TaskReply) => this.settle(slot, reply));
    worker.on('error', (err) => this.crashed(slot, err));
    worker.on('exit', (code) => this.crashed(slot, new Error(`worker exited with code ${code}`)));
    return slot;
  }

  private settle(slot: Slot, reply: TaskReply): void {
    if ('ready' in reply) {
      slot.ready = true;
      this.pump();
      return;
    }
    const t = slot.running;
    if (!t || t.id !== reply.id) return;
    this.finish(slot);
    slot.done++;
    if (reply.ok) t.resolve(reply.value);
    else if (reply.skip) t.reject(new SkipError(reply.reason, reply.message, reply.input ?? t.item));
    else t.reject(new Error(reply.message));
    this.pump();
  }

  /** The slot's task is over (answered, timed out or crashed): stop its clock. */
  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.running = null;
  }

  /** Hands queued tasks to the ready threads that are free. */
  private pump(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) break;
      if (!slot.ready || slot.running || slot.ending) continue;
      const t = this.queue.shift()!;
      slot.running = t;
      slot.timer = setTimeout(() => this.timedOut(slot), this.budgetMs);
      slot.worker.postMessage({ id: t.id, task: t.task, input: t.input } satisfies TaskRequest, t.transfer);
      t.input = null; // the worker has it now
    }
    // A thread that works, or starts for queued work, keeps the process alive; an idle one does not, so a
    // forgotten close() cannot hang the CLI.
    for (const slot of this.slots) {
      if (slot.running || (!slot.ready && this.queue.length)) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  /** The document ran out of time: it fails as `timeout`, its thread is ended and a fresh one takes its place. */
  private timedOut(slot: Slot): void {
    const t = slot.running;
    if (!t) return;
    this.finish(slot);
    this.replace(slot);
    const s = Math.round(this.budgetMs / 100) / 10;
    t.reject(new SkipError('timeout', `${t.task} took longer than ${s} s; its worker was replaced`, t.item));
  }

  /** A thread died by itself: its task fails; a thread that had worked is replaced, one that never did is not
   * (it would fail again), and when none is left the queue fails with the same error. */
  private crashed(slot: Slot, err: unknown): void {
    if (slot.ending) return;
    slot.ending = true;
    const t = slot.running;
    this.finish(slot);
    t?.reject(err);
    if (slot.done > 0 || t) this.replace(slot);
    else this.slots = this.slots.filter((s) => s !== slot);
    if (!this.slots.length) for (const q of this.queue.splice(0)) q.reject(err);
  }

  private replace(slot: Slot): void {
    slot.ending = true;
    void slot.worker.terminate();
    slot.worker.unref();
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots[i] = this.spawn();
    this.pump();
  }

  private submit<T>(task: TaskRequest['task'], input: unknown, item: string, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    if (!this.slots.length) this.slots = Array.from({ length: this.size }, () => this.spawn());
    return new Promise<T>((resolve, reject) => {
      const settle = resolve as (v: unknown) => void;
      this.queue.push({ id: this.nextId++, task, input, item, transfer, resolve: settle, reject });
      this.pump();
    });
  }

  clean(page: FetchedPage): Promise<CleanArticle> {
    const body = page.body;
    // The page body moves to the worker instead of being copied (the caller is done with it).
    const whole =
      body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
    return this.submit('clean', page, page.file ?? page.url, whole ? [body.buffer as ArrayBuffer] : []);
  }

  extract(article: CleanArticle): Promise<Extraction> {
    return this.submit('extract', article, article.url ?? article.file ?? article.doc_id);
  }

  extractDerived(article: VersionArticle, ask: DeriveAsk): Promise<ExtractedDerived> {
    // the same task as extract() (its budget and its failures read "extract"), the ask riding on the article
    const input: DeriveInput = { ...article, derive: ask };
    return this.submit('extract', input, article.url ?? article.file ?? article.doc_id);
  }

  async release(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    // tasks still in flight or waiting are refused, not lost silently
    const refused = new Error('worker pool released');
    for (const s of slots) {
      s.ending = true;
      const t = s.running;
      this.finish(s);
      t?.reject(refused);
    }
    for (const q of this.queue.splice(0)) q.reject(refused);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.release();
  }
}
