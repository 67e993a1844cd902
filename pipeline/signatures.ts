// Per-version signatures and near-duplicate pairs, kept in the store (store/signatures.ts) so that analyze reads a
// text for resolution once in its life: its LSH band keys and story terms are computed when analyze first sees
// it, and its near-duplicate pairs are found by comparing it only with the versions that share one of its
// buckets. `analyze --full` forgets them all and recomputes them from every text: the reference.
import { createHash } from 'node:crypto';
import { bandKeysOf, nearPairSteps } from '../analyze/resolve/minhash.ts';
import { storyTerms } from '../analyze/resolve/stories.ts';
import type { Settings } from '../analyze/resolve/types.ts';
import type { Store } from '../store/store.ts';
import {
  clearForSigner,
  lshBucketsStored,
  nearPairsStored,
  saveNearPairs,
  saveSignatures,
  unpairedVersions,
  unsignedVersions,
  versionTexts,
  type SignatureRow,
} from '../store/signatures.ts';
import { relieveHeap } from '../core/heap.ts';

/** Names the rules a stored signature was made by: change it when shingling, MinHash or story terms change. */
export const signerOf = (s: Settings): string => `sig-1:${s.minhashPerms}:${s.minhashSeed}`;

export function signText(
  versionId: string,
  text: string,
  s: Pick<Settings, 'minhashPerms' | 'minhashSeed'>,
): SignatureRow {
  return { version_id: versionId, keys: bandKeysOf(text, s.minhashPerms, s.minhashSeed), story: storyTerms(text) };
}

const PAGE = 500;

/** Signs every version that has no signature by these rules yet; returns their ids. */
export async function signUnsigned(store: Store, s: Settings): Promise<string[]> {
  const signer = signerOf(s);
  await clearForSigner(store, signer);
  const signed: string[] = [];
  let saving: Promise<void> = Promise.resolve();
  for (let after = ''; ; ) {
    const page = await unsignedVersions(store, signer, after, PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1].version_id;
    const rows = page.map((v) => signText(v.version_id, v.text, s));
    await saving;
    saving = saveSignatures(store, signer, rows);
    for (const r of rows) signed.push(r.version_id);
    relieveHeap(undefined, 1);
  }
  await saving;
  return signed;
}

/** Past this share of all versions, new versions' buckets are read as all buckets (one scan, no id list). */
const ALL_BUCKETS = 0.2;

/** Confirms the near-duplicate pairs of the `fresh` versions (every version with `full`) and stores them. */
export async function updateNearPairs(store: Store, s: Settings, fresh: string[], total: number): Promise<number> {
  if (fresh.length === 0) return 0;
  const isFresh = new Set(fresh);
  const buckets = await lshBucketsStored(store, fresh.length > total * ALL_BUCKETS ? null : fresh);
  const known = await nearPairsStored(store);
  const steps = nearPairSteps(buckets, s.nearDuplicate, known, (id) => isFresh.has(id));
  for (let step = steps.next(new Map()); ; step = steps.next(await versionTexts(store, step.value))) {
    if (step.done) {
      await saveNearPairs(store, step.value, fresh);
      return step.value.length;
    }
  }
}

/** A short digest of a JSON-able value (reference data that resolve reads). */
export const digestOf = (value: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(value) ?? '')
    .digest('hex')
    .slice(0, 16);

/** Signs the versions without a signature and pairs them with the versions sharing their buckets. */
export async function signAndPair(store: Store, s: Settings): Promise<void> {
  await signUnsigned(store, s);
  // every version not paired yet: signed now, or signed by a run that stopped before its pairs were saved
  const fresh = await unpairedVersions(store, signerOf(s));
  await updateNearPairs(store, s, fresh, await store.count('document_versions'));
}
