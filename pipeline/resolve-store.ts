// Resolve over the whole store with bounded memory and without reading texts for the grouping: near-duplicate
// pairs and story terms come from the store (pipeline/signatures.ts keeps them per version), texts are read only
// per block of incidents (analyze/resolve/blocked.ts). Extractions are held without the quotes resolve never reads.
import type { CleanArticle, Extraction, Incident } from '../core/records.ts';
import { EXTRACTOR_VERSION } from '../analyze/extract/index.ts';
import { forResolve } from '../analyze/resolve/candidates.ts';
import { settings, type ResolveOptions } from '../analyze/resolve/types.ts';
import { resolveStoredBlocked, type StoredVersion } from '../analyze/resolve/versions.ts';
import type { DocCluster } from '../analyze/resolve/types.ts';
import { addStoryTerms, storyIndex, type StoryIndex } from '../analyze/resolve/stories.ts';
import type { Store } from '../store/store.ts';
import { eachCurrentArticle, eachOlderVersion, textsByIds } from '../store/documents.ts';
import { eachCurrentExtraction, olderExtractions } from '../store/analysis.ts';
import { eachStory, nearPairsStored, resolveIds } from '../store/signatures.ts';
import { signAndPair, signerOf } from './signatures.ts';
import { relieveHeap } from '../core/heap.ts';
import { MATCH_RULES, matchSig, type CachedEdges } from '../analyze/resolve/group.ts';
import { knownMatchSigs, matchEdgesStored, saveMatchEdges } from '../store/match-edges.ts';
import type { BlockedInput } from '../analyze/resolve/blocked.ts';
import type { KeptInputs } from '../analyze/resolve/inputs.ts';

interface Stored {
  docs: CleanArticle[];
  older: StoredVersion[];
  stories: StoryIndex;
  pairs: [string, string][];
}

/** Documents and older versions without their texts, the story index from the stored story terms (terms kept for
 * documents a relevant extraction reads) and the stored near-duplicate pairs, under the ids resolve uses. */
async function readStored(store: Store, signer: string, relevant: Set<string>): Promise<Stored> {
  const docs: CleanArticle[] = [];
  await eachCurrentArticle(
    store,
    (a) => {
      docs.push(a);
      relieveHeap();
    },
    false,
  );
  const olderExts = await olderExtractions(store, EXTRACTOR_VERSION);
  const older: StoredVersion[] = [];
  await eachOlderVersion(
    store,
    (v) => {
      const ext = olderExts.get(v.version_id);
      if (ext?.relevant) relevant.add(v.version_id);
      older.push({ version_id: v.version_id, article: v.article, extraction: ext ? forResolve(ext) : null });
    },
    false,
  );
  const stories = storyIndex();
  await eachStory(store, signer, (id, terms) => addStoryTerms(stories, id, terms, relevant.has(id)));
  const ids = await resolveIds(store);
  const pairs = (await nearPairsStored(store)).map(([a, b]): [string, string] => {
    const [x, y] = [ids.get(a) ?? a, ids.get(b) ?? b];
    return x < y ? [x, y] : [y, x];
  });
  return { docs, older, stories, pairs };
}

export interface StoreResolved {
  clusters: DocCluster[];
  documents: Set<string>;
  /** every incident's ID → its input digest and ID key (analyze/resolve/inputs.ts) */
  digests: Map<string, KeptInputs>;
}

/** resolveStored() over every current document of the store, with the same incidents, handed to `emit` a
 * block at a time; with `stored` digests, only the incidents whose inputs changed (analyze/resolve/blocked.ts). */
export async function resolveStore(
  store: Store,
  opts: ResolveOptions,
  emit: (incidents: Incident[]) => Promise<void>,
  stored?: BlockedInput['stored'],
): Promise<StoreResolved> {
  const s = settings(opts);
  await signAndPair(store, s); // a no-op when analyze did it already
  const extractions: Extraction[] = [];
  await eachCurrentExtraction(store, EXTRACTOR_VERSION, (x) => {
    extractions.push(forResolve(x));
    relieveHeap();
  });
  const relevant = new Set(extractions.filter((x) => x.relevant).map((x) => x.doc_id));
  const { docs, older, stories, pairs } = await readStored(store, signerOf(s), relevant);
  const documents = new Set(docs.map((d) => d.doc_id));
  const digests = new Map<string, KeptInputs>();
  // incremental runs keep the name edges among candidates: only a new candidate's pairs are searched (group.ts)
  const known = stored ? await knownMatchSigs(store) : new Set<string>();
  const rules = `${MATCH_RULES}:${s.jaroWinkler}:${s.windowDays}`;
  const edges: CachedEdges = {
    sigOf: (c) => matchSig(c, rules),
    known,
    edges: stored ? await matchEdgesStored(store) : [],
    found: [],
    current: [],
  };
  const clusters = await resolveStoredBlocked(docs, extractions, older, opts, {
    nearPairs: pairs,
    stories,
    loadTexts: (ids) => textsByIds(store, ids),
    emit,
    stored,
    digests,
    edges,
  });
  await saveMatchEdges(store, edges.found, edges.current, known);
  return { clusters, documents, digests };
}
