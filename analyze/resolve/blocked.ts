// resolve() for corpora too large to hold every text: the caller streams the texts once to find near-duplicate
// pairs (minhash.ts signatures), hands in documents without their texts, and a loader that reads the texts of
// a few documents again. Incidents are built a block of groups at a time with only that block's texts loaded,
// and the regulator cross-check reads the texts of one batch of US incidents at a time. Same steps, same
// functions as resolve(), so the result is the same.
import type { CleanArticle, Extraction, Incident } from '../../core/records.ts';
import type { Source } from './candidates.ts';
import { assignIds } from './ids.ts';
import { buildIncident } from './incident.ts';
import { crossCheck } from './regulator.ts';
import { groupAll, victimNamesOf, type Resolved } from './resolve.ts';
import type { ResolveOptions } from './types.ts';

/** Texts of the given document ids (resolve-level ids: version ids for older versions); absent ids are left out. */
export type LoadTexts = (ids: string[]) => Promise<Map<string, string>>;

export interface BlockedInput { nearPairs: [string, string][]; loadTexts: LoadTexts; block?: number }

const BLOCK = 2000;

export async function resolveBlocked(docs: CleanArticle[], extractions: Extraction[], opts: ResolveOptions,
  io: BlockedInput): Promise<Resolved> {
  const block = io.block ?? BLOCK;
  let grouped: ReturnType<typeof groupAll> | null = groupAll(docs, extractions, opts, io.nearPairs);
  const { s, clusters, byId } = grouped;
  const drafts: Omit<Incident, 'incident_id'>[] = [];
  for (let i = 0; i < grouped.groups.length; i += block) {
    const groups = grouped.groups.slice(i, i + block);
    // one Source object per document, shared by its candidates: a document with texts stored (as in resolve())
    const sources = new Set<Source>(groups.flatMap((g) => g.map((c) => c.source)).filter((src) => byId.has(src.doc_id)));
    const texts = await io.loadTexts([...new Set([...sources].map((src) => src.doc_id))]);
    for (const src of sources) src.text = texts.get(src.doc_id) ?? null;
    for (const g of groups) drafts.push(buildIncident(g));
    for (const src of sources) src.text = null;
  }
  grouped = null; // candidates and extractions can go before the cross-check
  const incidents = assignIds(drafts);
  drafts.length = 0;
  const out: Incident[] = [];
  for (let i = 0; i < incidents.length; i += block) {
    const batch = incidents.slice(i, i + block);
    const ids = s.regulator ? batch.filter((inc) => inc.country === 'US')
      .flatMap((inc) => inc.sources.map((src) => src.doc_id)).filter((id) => byId.has(id)) : [];
    const texts = ids.length > 0 ? await io.loadTexts([...new Set(ids)]) : new Map<string, string>();
    const textsOf = (inc: Incident) => inc.sources.map((src) => texts.get(src.doc_id) ?? '');
    out.push(...crossCheck(batch, s.regulator, textsOf, victimNamesOf, s.jaroWinkler));
  }
  return { clusters, incidents: out };
}
