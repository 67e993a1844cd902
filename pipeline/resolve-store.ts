// Resolve over the whole store with bounded memory: texts are streamed once (MinHash signatures kept, texts
// dropped), read again only for the few near-duplicate candidate pairs, and per block of incidents
// (analyze/resolve/blocked.ts). Extractions are held without the quotes resolve never reads.
import type { CleanArticle, Extraction, Incident } from '../core/records.ts';
import { EXTRACTOR_VERSION } from '../analyze/extract/index.ts';
import { forResolve } from '../analyze/resolve/candidates.ts';
import { nearPairSteps, signatureOf, sortedSigned, type Signed } from '../analyze/resolve/minhash.ts';
import { settings, type ResolveOptions, type Settings } from '../analyze/resolve/types.ts';
import { resolveStoredBlocked, type StoredVersion } from '../analyze/resolve/versions.ts';
import type { DocCluster } from '../analyze/resolve/types.ts';
import { addStory, storyIndex, type StoryIndex } from '../analyze/resolve/stories.ts';
import type { Store } from '../store/store.ts';
import { eachCurrentArticle, eachOlderVersion, textsByIds } from '../store/documents.ts';
import { eachCurrentExtraction, olderExtractions } from '../store/analysis.ts';
import { relieveHeap } from '../core/heap.ts';

interface Streamed {
  docs: CleanArticle[];
  older: StoredVersion[];
  signed: Signed[];
  stories: StoryIndex;
}

/** Documents and older versions without their texts, plus the signature of each text long enough to shingle and
 * the story index (terms kept for documents a relevant extraction reads). */
async function streamTexts(store: Store, s: Settings, relevant: Set<string>): Promise<Streamed> {
  const docs: CleanArticle[] = [];
  const signed: Signed[] = [];
  const stories = storyIndex();
  const sign = (id: string, text: string, keep: boolean) => {
    const sig = signatureOf(text, s.minhashPerms, s.minhashSeed);
    if (sig) signed.push({ id, sig });
    addStory(stories, id, text, keep);
  };
  await eachCurrentArticle(store, (a) => {
    sign(a.doc_id, a.text, relevant.has(a.doc_id));
    docs.push({ ...a, text: '' });
    relieveHeap();
  });
  const olderExts = await olderExtractions(store, EXTRACTOR_VERSION);
  const older: StoredVersion[] = [];
  await eachOlderVersion(store, (v) => {
    const ext = olderExts.get(v.version_id);
    sign(v.version_id, v.article.text, !!ext?.relevant);
    older.push({
      version_id: v.version_id,
      article: { ...v.article, text: '' },
      extraction: ext ? forResolve(ext) : null,
    });
  });
  return { docs, older, signed: sortedSigned(signed), stories };
}

/** The near-duplicate pairs of the signed texts (analyze/resolve/minhash.ts), texts read per chunk of pairs. */
async function nearPairs(store: Store, signed: Signed[], s: Settings): Promise<[string, string][]> {
  const steps = nearPairSteps(signed, s.nearDuplicate, s.minhashPerms);
  for (let step = steps.next(new Map()); ; step = steps.next(await textsByIds(store, step.value))) {
    if (step.done) return step.value;
  }
}

export interface StoreResolved {
  clusters: DocCluster[];
  documents: Set<string>;
}

/** resolveStored() over every current document of the store, with the same incidents, handed to `emit` a
 * block at a time. */
export async function resolveStore(
  store: Store,
  opts: ResolveOptions,
  emit: (incidents: Incident[]) => Promise<void>,
): Promise<StoreResolved> {
  const s = settings(opts);
  const extractions: Extraction[] = [];
  await eachCurrentExtraction(store, EXTRACTOR_VERSION, (x) => {
    extractions.push(forResolve(x));
    relieveHeap();
  });
  const relevant = new Set(extractions.filter((x) => x.relevant).map((x) => x.doc_id));
  const { docs, older, signed, stories } = await streamTexts(store, s, relevant);
  const pairs = await nearPairs(store, signed, s);
  signed.length = 0;
  const documents = new Set(docs.map((d) => d.doc_id));
  const clusters = await resolveStoredBlocked(docs, extractions, older, opts, {
    nearPairs: pairs,
    stories,
    loadTexts: (ids) => textsByIds(store, ids),
    emit,
  });
  return { clusters, documents };
}
