// resolve() for corpora too large to hold every text, extraction or incident: grouping runs on units (units.ts:
// each document's grouping fields, small), with near-duplicate pairs and story terms found beforehand (minhash.ts
// signatures, stories.ts). IDs are decided first from what they depend on (victim, country, dates, sources: no text
// needed); then incidents are built a block of groups at a time with only that block's documents, extractions and
// texts loaded (`hydrate`, `loadTexts`), cross-checked, and handed to `emit`, never all held. Same steps, same
// functions as resolve(), so the incidents are the same.
import type { CleanArticle, Extraction, Incident } from '../../core/records.ts';
import type { Source } from './candidates.ts';
import { idKeyOf, idsFor, type IdKey } from './ids.ts';
import { inputsDigest, type KeptInputs } from './inputs.ts';
import { buildIncident } from './incident.ts';
import { crossCheck } from './regulator.ts';
import { victimNamesOf } from './resolve.ts';
import { settings, type DocCluster, type ResolveOptions } from './types.ts';
import type { StoryIndex } from './stories.ts';
import type { CachedEdges } from './group.ts';
import { groupUnits, hydrated, unitsFrom, type Unit, type UnitCand, type UnitData } from './units.ts';
import { latestExtractions } from './candidates.ts';
import { relieveHeap } from '../../core/heap.ts';

/** Texts of the given document ids (resolve-level ids: version ids for older versions); absent ids are left out. */
export type LoadTexts = (ids: string[]) => Promise<Map<string, string>>;
/** Documents (without texts) and extractions of the given units, by rid. */
export type Hydrate = (rids: string[]) => Promise<Map<string, UnitData>>;

export interface BlockedInput {
  nearPairs: [string, string][];
  /** the story index, built while the texts were streamed (resolve.ts storiesOf over the same documents); without
   * it, made of the units' story terms */
  stories?: StoryIndex;
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

/** The rules unit match signatures are made by, when the caller keeps no edges (group.ts matchSig). */
const NO_RULES = '';

/** Incidents of documents and extractions held in memory go to `io.emit`; returns the document clusters. */
export async function resolveBlocked(
  docs: CleanArticle[],
  extractions: Extraction[],
  opts: ResolveOptions,
  io: BlockedInput,
): Promise<DocCluster[]> {
  const s = settings(opts);
  const byId = new Map(docs.map((d) => [d.doc_id, { ...d, text: '' }]));
  const exts = new Map(latestExtractions(extractions).map((e) => [e.doc_id, e]));
  const hydrate: Hydrate = async (rids) =>
    new Map(rids.flatMap((id) => (exts.has(id) ? [[id, { doc: byId.get(id), ext: exts.get(id)! }]] : [])));
  return resolveUnits(unitsFrom(docs, extractions, s, NO_RULES, new Map()), opts, { ...io, hydrate });
}

/** resolveBlocked() over units (the store's: pipeline/resolve-store.ts). */
export async function resolveUnits(
  units: Unit[],
  opts: ResolveOptions,
  io: BlockedInput & { hydrate: Hydrate },
): Promise<DocCluster[]> {
  const block = io.block ?? BLOCK;
  const held = new Map<string, UnitData>();
  const { s, clusters, withDoc, groups } = groupUnits(units, opts, io.nearPairs, io.stories, io.edges);
  const stored = io.stored;
  const byDigest = new Map([...(stored?.kept ?? [])].map(([id, k]) => [k.digest, { id, key: k.key }]));
  const digests = stored ? groups.map((g) => inputsDigest(g, stored.runWide)) : [];
  // Texts are not loaded yet, so no confirmation is read: the fields an ID depends on never come from one.
  const keys: (IdKey | undefined)[] = groups.map((_, j) => byDigest.get(digests[j])?.key);
  const drafts = groups.map((_, j) => j).filter((j) => keys[j] === undefined);
  for (let i = 0; i < drafts.length; i += block) {
    const at = drafts.slice(i, i + block);
    const full = await hydrate(at.map((j) => groups[j]));
    at.forEach((j, k) => {
      keys[j] = idKeyOf(buildIncident(full[k]));
    });
  }
  const ids = idsFor(keys as IdKey[]);
  let todo = groups.map((_, j) => j);
  if (stored) {
    todo = todo.filter((j) => {
      io.digests?.set(ids[j], { digest: digests[j], key: keys[j]! });
      return byDigest.get(digests[j])?.id !== ids[j];
    });
  }
  for (let i = 0; i < todo.length; i += block) {
    relieveHeap(0, 1); // the previous block's texts and incidents are garbage now
    const at = todo.slice(i, i + block);
    const sourceOf = new Map<string, Source>();
    const part = await hydrate(
      at.map((j) => groups[j]),
      sourceOf,
    );
    // one Source object per document, shared by its candidates: a document with texts stored (as in resolve())
    const sources = [...sourceOf.values()].filter((src) => withDoc.has(src.doc_id));
    const texts = await io.loadTexts(sources.map((src) => src.doc_id));
    for (const src of sources) src.text = texts.get(src.doc_id) ?? null;
    const incidents = part.map((g, k) => ({ incident_id: ids[at[k]], ...buildIncident(g) }));
    for (const src of sources) src.text = null;
    const textsOf = (inc: Incident) =>
      inc.sources.map((src) => (withDoc.has(src.doc_id) ? (texts.get(src.doc_id) ?? '') : ''));
    await io.emit(crossCheck(incidents, s.regulator, textsOf, victimNamesOf, s.jaroWinkler));
    for (const j of at) groups[j] = EMPTY; // this block's candidates may go
  }
  return clusters;

  // an incremental run hydrates the few groups it changed twice (for their ID keys, then to build them): the
  // second time from here, up to a bound (a full run's groups are all read again)
  async function hydrate(part: UnitCand[][], sources = new Map<string, Source>()) {
    const rids = [...new Set(part.flatMap((g) => g.map((c) => c.source.doc_id)))];
    const data = await io.hydrate(rids.filter((id) => !held.has(id)));
    for (const [id, d] of data) if (held.size < KEEP) held.set(id, d);
    for (const id of rids) if (held.has(id)) data.set(id, held.get(id)!);
    return hydrated(part, data, s, sources);
  }
}

/** Hydrated units kept between the two passes: bounded memory (a unit's extraction is a few KB). */
const KEEP = 20_000;

const EMPTY: UnitCand[] = [];
