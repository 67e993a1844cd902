// resolve() for corpora too large to hold every text or every incident: the caller streams the texts once to
// find near-duplicate pairs (minhash.ts signatures), hands in documents without their texts, and a loader that
// reads the texts of a few documents again. IDs are decided first from what they depend on (victim, country,
// dates, sources: no text needed); then incidents are built a block of groups at a time with only that block's
// texts loaded, cross-checked, and handed to `emit`, never all held. Same steps, same functions as resolve(),
// so the incidents are the same.
import type { CleanArticle, Extraction, Incident } from '../../core/records.ts';
import type { Candidate, Source } from './candidates.ts';
import { idKeyOf, idsFor } from './ids.ts';
import { inputsDigest, type KeptInputs } from './inputs.ts';
import { buildIncident } from './incident.ts';
import { crossCheck } from './regulator.ts';
import { groupAll, victimNamesOf } from './resolve.ts';
import type { DocCluster, ResolveOptions } from './types.ts';
import type { StoryIndex } from './stories.ts';
import type { CachedEdges } from './group.ts';
import { relieveHeap } from '../../core/heap.ts';

/** Texts of the given document ids (resolve-level ids: version ids for older versions); absent ids are left out. */
export type LoadTexts = (ids: string[]) => Promise<Map<string, string>>;

export interface BlockedInput {
  nearPairs: [string, string][];
  /** the story index, built while the texts were streamed (resolve.ts storiesOf over the same documents) */
  stories: StoryIndex;
  loadTexts: LoadTexts;
  /** gets every incident once, a block at a time, in no particular order */
  emit: (incidents: Incident[]) => Promise<void>;
  /** groups per block (default 2000) */
  block?: number;
  /** Incremental runs: what was kept per incident (inputs.ts) and the run-wide part of the digest (settings,
   * reference data). A group whose digest is kept needs no draft for its ID key; an incident whose ID and digest
   * are both kept is neither built nor emitted: the stored row is what building it again would give. */
  stored?: { kept: Map<string, KeptInputs>; runWide: string };
  /** filled with every incident's ID → what to keep for it, built or not (needs `stored`) */
  digests?: Map<string, KeptInputs>;
  /** name edges kept between runs: only a new candidate's pairs are searched (group.ts) */
  edges?: CachedEdges;
}

const BLOCK = 2000;

/** Incidents go to `io.emit`; returns the document clusters. */
export async function resolveBlocked(
  docs: CleanArticle[],
  extractions: Extraction[],
  opts: ResolveOptions,
  io: BlockedInput,
): Promise<DocCluster[]> {
  const block = io.block ?? BLOCK;
  const { s, clusters, byId, groups } = groupAll(docs, extractions, opts, io.nearPairs, io.stories, io.edges);
  // Texts are not loaded yet, so no confirmation is read: the fields an ID depends on never come from one.
  const stored = io.stored;
  const byDigest = new Map([...(stored?.kept ?? [])].map(([id, k]) => [k.digest, { id, key: k.key }]));
  const digests = stored ? groups.map((g) => inputsDigest(g, byId, stored.runWide)) : [];
  const keys = groups.map((g, j) => byDigest.get(digests[j])?.key ?? idKeyOf(buildIncident(g)));
  const ids = idsFor(keys);
  let todo = groups.map((_, j) => j);
  if (stored) {
    todo = todo.filter((j) => {
      io.digests?.set(ids[j], { digest: digests[j], key: keys[j] });
      return byDigest.get(digests[j])?.id !== ids[j];
    });
  }
  for (let i = 0; i < todo.length; i += block) {
    relieveHeap(0, 1); // the previous block's texts and incidents are garbage now
    const at = todo.slice(i, i + block);
    const part = at.map((j) => groups[j]);
    // one Source object per document, shared by its candidates: a document with texts stored (as in resolve())
    const sources = new Set<Source>(part.flatMap((g) => g.map((c) => c.source)).filter((src) => byId.has(src.doc_id)));
    const texts = await io.loadTexts([...new Set([...sources].map((src) => src.doc_id))]);
    for (const src of sources) src.text = texts.get(src.doc_id) ?? null;
    const incidents = part.map((g, k) => ({ incident_id: ids[at[k]], ...buildIncident(g) }));
    for (const src of sources) src.text = null;
    const textsOf = (inc: Incident) =>
      inc.sources.map((src) => (byId.has(src.doc_id) ? (texts.get(src.doc_id) ?? '') : ''));
    await io.emit(crossCheck(incidents, s.regulator, textsOf, victimNamesOf, s.jaroWinkler));
    for (const j of at) groups[j] = EMPTY; // this block's candidates may go
  }
  return clusters;
}

const EMPTY: Candidate[] = [];
