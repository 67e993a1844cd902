// Worker thread of the clean/extract pool (pipeline/pool.ts): one task at a time, the same library calls the
// sequential path makes, so results are identical whichever thread ran them. Errors travel back as data.
import { parentPort, workerData } from 'node:worker_threads';
import { SkipError, describe } from '../core/errors.ts';
import type { CleanArticle, FetchedPage } from '../core/records.ts';
import { cleanFetchedPageAsync } from '../ingest/clean/page.ts';
import { extract, loadReference, type Reference } from '../analyze/extract/index.ts';
import type { DeriveInput, TaskReply, TaskRequest } from './pool.ts';
import { derive } from './derived.ts';
import { intelReference } from './intel.ts';
import { setYamlCache } from '../core/yaml.ts';

const { referenceDir, yamlCache } = workerData as { referenceDir: string; yamlCache?: string | null };
setYamlCache(yamlCache ?? null);
let reference: Promise<Reference> | null = null;

async function run(req: TaskRequest): Promise<TaskReply> {
  try {
    if (req.task === 'clean') {
      return { id: req.id, ok: true, value: await cleanFetchedPageAsync(req.input as FetchedPage) };
    }
    reference ??= (async () => loadReference(referenceDir))();
    const input = req.input as CleanArticle | DeriveInput;
    if (!('derive' in input)) return { id: req.id, ok: true, value: extract(input, await reference) };
    const { derive: ask, ...article } = input;
    const extraction = extract(article, await reference);
    const derived = derive(article, ask, () => intelReference(referenceDir));
    return { id: req.id, ok: true, value: { extraction, derived } };
  } catch (err) {
    // A SkipError travels as its parts, so the pool rebuilds it naming the same input once.
    if (err instanceof SkipError) {
      return { id: req.id, ok: false, skip: true, reason: err.reason, message: err.detail, input: err.input };
    }
    return { id: req.id, ok: false, skip: false, reason: 'parse_error', message: describe(err) };
  }
}

parentPort!.on('message', (req: TaskRequest) => {
  void run(req).then((reply) => parentPort!.postMessage(reply));
});
// The pool hands over work (and starts its clock) only now, so loading this thread never counts against a document.
parentPort!.postMessage({ ready: true } satisfies TaskReply);
