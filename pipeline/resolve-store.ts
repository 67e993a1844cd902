// Resolve over the whole store with bounded memory, reading neither texts nor extractions for the grouping: each
// document's resolve unit (analyze/resolve/units.ts) is made once and kept (store/resolve-units.ts), near-duplicate
// pairs and story terms come from the store (pipeline/signatures.ts keeps them per version), and documents,
// extractions and texts are read only per block of incidents to build (analyze/resolve/blocked.ts).
import { Extraction, type Incident } from '../core/records.ts';
import { EXTRACTOR_VERSION } from '../analyze/extract/index.ts';
import { forResolve } from '../analyze/resolve/candidates.ts';
import { settings, type ResolveOptions, type Settings } from '../analyze/resolve/types.ts';
import { restore } from '../analyze/resolve/versions.ts';
import type { DocCluster } from '../analyze/resolve/types.ts';
import { addStoryTerms, storyIndex, type StoryTerms } from '../analyze/resolve/stories.ts';
import { unitOf, type Unit, type UnitCand, type UnitData } from '../analyze/resolve/units.ts';
import type { Store } from '../store/store.ts';
import { textsByIds } from '../store/documents.ts';
import { nearPairsResolved } from '../store/signatures.ts';
import {
  eachUnit,
  eachUnitRow,
  saveUnits,
  staleUnits,
  unitRows,
  type StaleUnit,
  type UnitRow,
} from '../store/resolve-units.ts';
import { digestOf, signAndPair, signerOf } from './signatures.ts';
import { relieveHeap } from '../core/heap.ts';
import { MATCH_RULES, type CachedEdges } from '../analyze/resolve/group.ts';
import { knownMatchSigs, matchEdgesStored, saveMatchEdges } from '../store/match-edges.ts';
import { resolveUnits, type BlockedInput } from '../analyze/resolve/blocked.ts';
import type { KeptInputs } from '../analyze/resolve/inputs.ts';

/** Names the unit rules: change it when units.ts or what it calls (candidates.ts) makes other units. */
const UNIT_RULES = 'unit-2';
const PAGE = 1000;
/** Past this share of the versions to make units of, every table is streamed once instead of read page by page. */
const MASS = 0.3;

/** The extraction as resolve reads it, under the unit's id (an older version's own). */
const extractionOf = (rid: string, record: string): Extraction => ({
  ...forResolve(Extraction.parse(JSON.parse(record))),
  doc_id: rid,
});

/** Makes the units that are missing or stale. */
async function refreshUnits(store: Store, s: Settings, matchRules: string): Promise<void> {
  const settingsDigest = digestOf([s.aliases, s.windowDays, s.multiVictimLookbackDays]);
  const rules = `${UNIT_RULES}:${matchRules}:${signerOf(s)}:${settingsDigest}`;
  const stale = await staleUnits(store, rules, EXTRACTOR_VERSION);
  const make = (u: StaleUnit, r: UnitRow) => {
    const ext = r.record === null ? null : extractionOf(u.rid, r.record);
    const story = r.story === null ? null : (JSON.parse(r.story) as StoryTerms);
    return {
      rid: u.rid,
      stamp: u.stamp,
      body: unitOf(u.rid, u.doc_of, { ...r.article, doc_id: u.rid }, ext, s, matchRules, story),
    };
  };
  if (stale.length > MASS * (await store.count('document_versions'))) {
    // most units at once (--full, new rules): every table streamed once, not looked up page by page
    const want = new Map(stale.map((u) => [u.rid, u]));
    let made: ReturnType<typeof make>[] = [];
    const saving: (typeof made)[] = [];
    await eachUnitRow(store, EXTRACTOR_VERSION, signerOf(s), (r) => {
      const u = want.get(r.rid);
      if (!u) return;
      made.push(make(u, r));
      if (made.length >= PAGE) {
        saving.push(made);
        made = [];
      }
    });
    saving.push(made);
    for (const page of saving) await saveUnits(store, page);
    return;
  }
  for (let i = 0; i < stale.length; i += PAGE) {
    const page = stale.slice(i, i + PAGE);
    const ids = page.map((u) => u.rid);
    const rows = new Map((await unitRows(store, ids, EXTRACTOR_VERSION, signerOf(s))).map((r) => [r.rid, r]));
    await saveUnits(
      store,
      page.flatMap((u) => {
        const r = rows.get(u.rid);
        return r ? [make(u, r)] : [];
      }),
    );
    relieveHeap(undefined, 1);
  }
}

async function hydrate(store: Store, rids: string[]): Promise<Map<string, UnitData>> {
  const out = new Map<string, UnitData>();
  for (const r of await unitRows(store, rids, EXTRACTOR_VERSION, null)) {
    if (r.record !== null) out.set(r.rid, { doc: { ...r.article, doc_id: r.rid }, ext: extractionOf(r.rid, r.record) });
  }
  return out;
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
  const matchRules = `${MATCH_RULES}:${s.jaroWinkler}:${s.windowDays}`;
  await refreshUnits(store, s, matchRules);
  const units: Unit[] = [];
  // the story index is made as units are read, and their terms dropped: held by every unit, they were 300 MB at 100k
  const stories = storyIndex();
  await eachUnit(store, (body) => {
    const u = JSON.parse(body) as Unit;
    if (u.story) addStoryTerms(stories, u.rid, u.story, u.relevant);
    u.story = null;
    units.push(u);
    relieveHeap();
  });
  const pairs = await nearPairsResolved(store);
  const documents = new Set(units.filter((u) => u.doc_of === null).map((u) => u.rid));
  const docOf = new Map(units.flatMap((u) => (u.doc_of === null ? [] : [[u.rid, u.doc_of]])));
  const digests = new Map<string, KeptInputs>();
  // incremental runs keep the name edges among candidates: only a new candidate's pairs are searched (group.ts)
  const known = stored ? await knownMatchSigs(store) : new Set<string>();
  const edges: CachedEdges = {
    sigOf: (c) => (c as UnitCand).sig!,
    known,
    edges: stored ? await matchEdgesStored(store) : [],
    found: [],
    current: [],
  };
  // grouping reads nothing from the database: the blocks cached while the units were read are given back
  await store.dropCache();
  const clusters = await resolveUnits(units, opts, {
    nearPairs: pairs,
    stories,
    loadTexts: (rids) => textsByIds(store, rids),
    emit: (b) => emit(b.map((i) => restore(i, docOf))),
    stored,
    digests,
    edges,
    hydrate: (rids) => hydrate(store, rids),
  });
  await saveMatchEdges(store, edges.found, edges.current, known);
  return { clusters, documents, digests };
}
