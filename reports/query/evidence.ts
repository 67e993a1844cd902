// Every field of one incident with the evidence behind each reported value: outlet, date, quote and link.
// Quotes come from the stored facts; for the fields stored without one (downtime, attack date, types …) the
// sentence is found again in the text (analyze/evidence.ts), and only when it states that very value.
import { join } from 'node:path';
import type { Incident, Reported } from '../../core/records.ts';
import { PROJECT } from '../../core/paths.ts';
import { stripUserinfo } from '../../core/safe-text.ts';
import { EXTRACTOR_VERSION } from '../../analyze/extract/index.ts';
import { loadLists, type Lists } from '../../analyze/extract/lists.ts';
import { quoteFor, sentenceAround, type QuoteContext } from '../../analyze/evidence.ts';
import { incidentDocs, incidentFacts, type FactRow, type SourceDoc } from '../../store/evidence.ts';
import type { Store } from '../../store/store.ts';

export interface FieldEvidence {
  value: unknown;
  doc_id: string;
  outlet: string | null;
  published: string | null;
  title: string | null;
  /** the article's link (canonical URL, else URL), or the local file */
  link: string | null;
  quote: string | null;
  start: number | null;
  end: number | null;
  /** the whole sentence around a short quote (a figure, a name), when the current text holds it */
  sentence?: string;
  page?: number;
  superseded?: boolean;
  shared?: boolean;
  duplicate_of?: string;
  regulator?: boolean;
}
export type IncidentEvidence = Record<string, FieldEvidence[]>;

let lists: Lists | null = null;
const listsOf = () => (lists ??= loadLists(join(PROJECT.reference, 'lists')));

type Fact = FactRow & { parsed: Record<string, unknown> };

/** The stored fact of this document version that carries the reported value, if any. */
function matchFact(field: string, value: unknown, facts: Fact[]): Fact | undefined {
  const v = value as Record<string, unknown> | string;
  const same = (f: Fact, names: string[]) => names.every((k) => f.parsed[k] === (v as Record<string, unknown>)[k]);
  switch (field) {
    case 'victim':
      return facts.find((f) => f.field === 'victim' && (f.parsed.name === v || f.parsed.canonical === v));
    case 'country':
    case 'sector':
      return facts.find((f) => f.field === 'victim' && f.parsed[field] === v);
    case 'actor':
      // (an incident names the group by its family: "Cl0p" for a report that wrote "Clop")
      return facts.find(
        (f) => f.field === 'actor' && (f.parsed.family === v || f.parsed.canonical === v || f.parsed.name === v),
      );
    case 'ransom':
      return facts.find((f) => f.field === 'ransom' && same(f, ['kind', 'as_written', 'currency']));
    case 'records_affected':
      return facts.find((f) => f.field === 'records_affected' && same(f, ['count', 'as_written']));
    default:
      return undefined;
  }
}

/** Evidence of every reported value of every field of `incident`. */
export async function incidentEvidence(store: Store, incident: Incident): Promise<IncidentEvidence> {
  const [facts, docs] = await Promise.all([
    incidentFacts(store, incident.incident_id, EXTRACTOR_VERSION),
    incidentDocs(store, incident.incident_id, EXTRACTOR_VERSION),
  ]);
  const byVersion = new Map<string, Fact[]>();
  for (const f of facts) {
    const list = byVersion.get(f.version_id) ?? [];
    list.push({ ...f, parsed: parseValue(f.value) });
    byVersion.set(f.version_id, list);
  }
  const docOf = new Map(docs.map((d) => [d.doc_id, d]));
  const contexts = new Map<string, QuoteContext>();
  const contextOf = (d: SourceDoc): QuoteContext | null => {
    if (!d.text) return null;
    let c = contexts.get(d.doc_id);
    if (!c) {
      c = { text: d.text, published: d.published, lang: d.language ?? 'en', lists: listsOf() };
      contexts.set(d.doc_id, c);
    }
    return c;
  };
  const out: IncidentEvidence = {};
  for (const [field, entries] of Object.entries(incident.history)) {
    out[field] = entries.map((e) => evidenceOf(field, e, docOf.get(e.doc_id), byVersion, contextOf));
  }
  return out;
}

function parseValue(json: string): Record<string, unknown> {
  try {
    const v = JSON.parse(json);
    return v && typeof v === 'object' ? v : { value: v };
  } catch {
    return {};
  }
}

function evidenceOf(
  field: string,
  e: Reported,
  doc: SourceDoc | undefined,
  byVersion: Map<string, Fact[]>,
  contextOf: (d: SourceDoc) => QuoteContext | null,
): FieldEvidence {
  const marks = {
    ...(e.superseded ? { superseded: true } : {}),
    ...(e.shared ? { shared: true } : {}),
    ...(e.duplicate_of ? { duplicate_of: e.duplicate_of } : {}),
    ...(e.regulator ? { regulator: true } : {}),
  };
  const base = {
    value: e.value,
    doc_id: e.doc_id,
    outlet: e.regulator ? 'HHS OCR breach portal' : (e.outlet ?? doc?.outlet ?? null),
    published: e.published ?? doc?.published ?? null,
    title: doc?.title ?? null,
    link: stripUserinfo(doc?.canonical_url ?? doc?.url ?? doc?.file ?? null),
    ...marks,
  };
  const version = e.version_id ?? doc?.version_id;
  const fact = version ? matchFact(field, e.value, byVersion.get(version) ?? []) : undefined;
  // older versions' texts are not re-read: their facts are what is kept of them
  const ctx = doc && !e.version_id ? contextOf(doc) : null;
  if (fact?.quote) {
    const sentence = ctx && fact.start_offset !== null ? sentenceAround(ctx, fact.start_offset) : null;
    return {
      ...base,
      quote: fact.quote,
      start: fact.start_offset,
      end: fact.end_offset,
      ...(sentence && sentence.length > fact.quote.length ? { sentence } : {}),
      ...(fact.page ? { page: fact.page } : {}),
    };
  }
  const q = ctx ? quoteFor(field, e.value, ctx) : null;
  return { ...base, quote: q?.quote ?? null, start: q?.start ?? null, end: q?.end ?? null };
}

/** A reported value as a reader says it: "Rs 200 crore (demanded, disputed)", "3-4 crore patients". */
export function valueText(field: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if (field === 'ransom') {
    const marks = [o.kind, o.disputed ? 'disputed' : null, o.hedged ? 'hedged' : null].filter(Boolean);
    return `${String(o.as_written)} (${marks.join(', ')})`;
  }
  if (field === 'records_affected') return `${Number(o.count).toLocaleString('en-US')} (“${String(o.as_written)}”)`;
  return JSON.stringify(v);
}
