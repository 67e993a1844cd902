// What analyze reads from a version's text besides its extraction, made by the worker task that extracts the
// version (the text is there already, on a thread of the pool, instead of being read again and worked on by the
// main thread alone): its signature for the near-duplicate search (pipeline/signatures.ts) and, for a current
// text not read yet, its threat-intelligence facts (pipeline/intel.ts). The stages that read them later find them
// stored; what is not made here (a version signed already, a run stopped between two saves) they still make.
import { extractIntel } from '../analyze/extract/intel/extract.ts';
import type { IntelReference } from '../analyze/extract/intel/reference.ts';
import type { Settings } from '../analyze/resolve/types.ts';
import { derivedNeeds } from '../store/derived.ts';
import { saveDocumentIntel, type DocIntelRow } from '../store/intel.ts';
import { saveSignatures, type SignatureRow } from '../store/signatures.ts';
import type { Store } from '../store/store.ts';
import { indexTerms, searchBody, type DfChanges } from '../store/search-index.ts';
import { termFrequencies } from '../store/search-terms.ts';
import { intelReference, packIntel } from './intel.ts';
import { signerOf, signText } from './signatures.ts';

/** What to make besides the extraction. */
export interface DeriveAsk {
  /** the MinHash rules of the signature (signerOf), or null: signed already */
  sign: Pick<Settings, 'minhashPerms' | 'minhashSeed'> | null;
  /** read the intel facts (a current text not read by this reader version) */
  intel: boolean;
  /** count the search terms (a current text the search index does not hold) */
  search: boolean;
}

export interface Derived {
  signature: SignatureRow | null;
  intel: { version: string; items: ReturnType<typeof packIntel> } | null;
  terms: { len: number; terms: string[]; tfs: number[] } | null;
}

export const NOTHING: DeriveAsk = { sign: null, intel: false, search: false };

function termsOf(title: string | null, text: string): Derived['terms'] {
  const { tf, len } = termFrequencies(searchBody(title, text));
  return { len, terms: [...tf.keys()], tfs: [...tf.values()] };
}

export function derive(
  article: { version_id: string; title: string | null; text: string },
  ask: DeriveAsk,
  intel: () => IntelReference,
): Derived {
  const { version_id, title, text } = article;
  const ref = ask.intel ? intel() : null;
  return {
    signature: ask.sign ? signText(version_id, text, ask.sign) : null,
    intel: ref ? { version: ref.version, items: packIntel(extractIntel(text, ref)) } : null,
    terms: ask.search ? termsOf(title, text) : null,
  };
}

/** The rules of this run: what a stored signature and stored intel facts must have been made by. */
export interface DeriveRun {
  signer: string;
  rules: Pick<Settings, 'minhashPerms' | 'minhashSeed'>;
  intelVersion: string;
  /** versions asked for search terms whose document the index holds with another version */
  known: Set<string>;
  /** documents indexed and their terms' df changes, for updateSearchIndex's recount */
  indexed: { count: number; affected: DfChanges };
}

export const deriveRun = (s: Settings): DeriveRun => ({
  signer: signerOf(s),
  rules: { minhashPerms: s.minhashPerms, minhashSeed: s.minhashSeed },
  intelVersion: intelReference().version,
  known: new Set(),
  indexed: { count: 0, affected: new Map() },
});

/** What each of these versions still needs, asked of the store before the page is handed to the pool. */
export async function asksFor(store: Store, run: DeriveRun, versionIds: string[]): Promise<Map<string, DeriveAsk>> {
  const needs = await derivedNeeds(store, versionIds, run.signer, run.intelVersion);
  return new Map(
    [...needs].map(([id, n]) => {
      if (n.search && n.known) run.known.add(id);
      return [id, { sign: n.sign ? run.rules : null, intel: n.intel, search: n.search }];
    }),
  );
}

/** Stores what the tasks made: signatures (with their LSH rows), intel facts and search postings, each in its own
 * transaction. */
export async function saveDerived(
  store: Store,
  run: DeriveRun,
  items: { doc_id: string; version_id: string; content_hash: string | null; derived: Derived }[],
): Promise<void> {
  await saveSignatures(
    store,
    run.signer,
    items.flatMap((i) => (i.derived.signature ? [i.derived.signature] : [])),
  );
  const byVersion = new Map<string, DocIntelRow[]>();
  for (const { doc_id, content_hash, derived } of items) {
    if (!derived.intel) continue;
    const rows = byVersion.get(derived.intel.version) ?? [];
    rows.push({ doc_id, content_hash, items: derived.intel.items });
    byVersion.set(derived.intel.version, rows);
  }
  for (const [version, rows] of byVersion) await store.transaction(() => saveDocumentIntel(store, version, rows));
  const postings = items.flatMap(({ doc_id, version_id, derived: { terms } }) =>
    terms ? [{ doc_id, version_id, known: run.known.delete(version_id), ...terms }] : [],
  );
  await indexTerms(store, postings, run.indexed.affected);
  run.indexed.count += postings.length;
}
