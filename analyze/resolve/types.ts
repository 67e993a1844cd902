// Shapes and settings of the resolve stage. DocCluster is the only new record: it is stored beside incidents.
import { z } from 'zod';
import type { RegulatorReference } from './regulator.ts';

export const CLUSTER_REASONS = ['exact', 'canonical', 'near-duplicate', 'version'] as const;

/** Documents that carry one text: exact copies, versions of one page, syndicated reprints. */
export const DocCluster = z.object({
  cluster_id: z.string(),
  /** sorted */
  doc_ids: z.array(z.string()).min(2),
  /** the document whose facts stand for the cluster (earliest published among the non-superseded) */
  representative: z.string(),
  /** the strongest link found: version > canonical > exact > near-duplicate */
  reason: z.enum(CLUSTER_REASONS),
  /** older versions of a page replaced by a newer one at the same URL (sorted) */
  superseded: z.array(z.string()),
});
export type DocCluster = z.infer<typeof DocCluster>;

export interface ResolveOptions {
  /** word 5-gram Jaccard at or above which two texts are one (default 0.7) */
  nearDuplicate?: number;
  /** Jaro-Winkler on normalised victim names at or above which they are one (default 0.92) */
  jaroWinkler?: number;
  /** the most days two reports' attack dates may lie apart and still be one incident (default 45) */
  windowDays?: number;
  /** how far back a report naming several victims (reviews, vendor reports) may reach (default 365) */
  multiVictimLookbackDays?: number;
  /** tf-idf cosine of two reports' names and figures at or above which they tell one story (default 0.22) */
  storyLink?: number;
  /** the most days two reports may be published apart and still be linked as one story (default 60) */
  storyWindowDays?: number;
  /** extra names: alias → canonical victim name */
  aliases?: Record<string, string>;
  /** MinHash: number of hash functions and the fixed seed (defaults 128, 0x5eed) */
  minhashPerms?: number;
  minhashSeed?: number;
  /** older stored versions: superseded id → the id of its current document. The store knows which version is
   * current (it saw them arrive); without an entry, the newest by date at one page key is current. */
  versions?: Record<string, string>;
  /** the HHS OCR breach list and US places, to cross-check US incidents; null skips the check */
  regulator?: RegulatorReference | null;
}

export type Settings = Required<ResolveOptions>;

export const DEFAULTS: Settings = {
  nearDuplicate: 0.7,
  jaroWinkler: 0.92,
  windowDays: 45,
  multiVictimLookbackDays: 365,
  storyLink: 0.22,
  storyWindowDays: 60,
  aliases: {},
  minhashPerms: 128,
  minhashSeed: 0x5eed,
  versions: {},
  regulator: null,
};

export function settings(opts: ResolveOptions = {}): Settings {
  const defined = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
  return { ...DEFAULTS, ...defined } as Settings;
}

/** What the document stage says about one document, used when weighing its facts. */
export interface DocRole {
  /** cluster_id, or the doc_id for a document alone */
  cluster: string;
  superseded: boolean;
  /** the representative this document copies, or null when it is the representative or alone */
  duplicate_of: string | null;
}

/** Reports told as one story (stories.ts): doc → (doc → similarity), both directions. */
export type StoryLinks = Map<string, Map<string, number>>;
