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
import { intelReference, packIntel } from './intel.ts';
import { signerOf, signText } from './signatures.ts';

/** What to make besides the extraction. */
export interface DeriveAsk {
  /** the MinHash rules of the signature (signerOf), or null: signed already */
  sign: Pick<Settings, 'minhashPerms' | 'minhashSeed'> | null;
  /** read the intel facts (a current text not read by this reader version) */
  intel: boolean;
}

export interface Derived {
  signature: SignatureRow | null;
  intel: { version: string; items: ReturnType<typeof packIntel> } | null;
}

export const NOTHING: DeriveAsk = { sign: null, intel: false };

export function derive(versionId: string, text: string, ask: DeriveAsk, intel: () => IntelReference): Derived {
  const ref = ask.intel ? intel() : null;
  return {
    signature: ask.sign ? signText(versionId, text, ask.sign) : null,
    intel: ref ? { version: ref.version, items: packIntel(extractIntel(text, ref)) } : null,
  };
}

/** The rules of this run: what a stored signature and stored intel facts must have been made by. */
export interface DeriveRun {
  signer: string;
  rules: Pick<Settings, 'minhashPerms' | 'minhashSeed'>;
  intelVersion: string;
}

export const deriveRun = (s: Settings): DeriveRun => ({
  signer: signerOf(s),
  rules: { minhashPerms: s.minhashPerms, minhashSeed: s.minhashSeed },
  intelVersion: intelReference().version,
});

/** What each of these versions still needs, asked of the store before the page is handed to the pool. */
export async function asksFor(store: Store, run: DeriveRun, versionIds: string[]): Promise<Map<string, DeriveAsk>> {
  const needs = await derivedNeeds(store, versionIds, run.signer, run.intelVersion);
  return new Map([...needs].map(([id, n]) => [id, { sign: n.sign ? run.rules : null, intel: n.intel }]));
}

/** Stores what the tasks made: signatures (with their LSH rows) and intel facts, each in its own transaction. */
export async function saveDerived(
  store: Store,
  run: DeriveRun,
  items: { doc_id: string; content_hash: string | null; derived: Derived }[],
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
}
