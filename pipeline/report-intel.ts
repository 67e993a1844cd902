// Reads the threat-intelligence facts of the incidents a report covers: each source document's text through
// analyze/extract/intel, merged per incident (one fact per kind and value, quoted from the earliest source).
import { extractIntel } from '../analyze/extract/intel/extract.ts';
import type { IntelReference } from '../analyze/extract/intel/reference.ts';
import type { Incident, IncidentSource, IntelItem } from '../core/records.ts';
import { safeHref } from '../reports/weekly/format.ts';
import { cmp } from '../reports/weekly/stats.ts';
import type { IncidentIntel, ReportJson } from '../reports/weekly/types.ts';
import { documentIntel } from '../store/intel.ts';
import { documentTexts } from '../store/report-data.ts';
import type { Store } from '../store/store.ts';

function label(outlet: string | null, url: string | null, title: string | null): string {
  const href = safeHref(url);
  return outlet ?? (href ? new URL(href).hostname : null) ?? title ?? 'source';
}

export async function incidentIntel(
  store: Store,
  incidents: Incident[],
  ref: IntelReference,
): Promise<Record<string, IncidentIntel[]>> {
  const ids = incidents.flatMap((i) => i.sources.map((s) => s.doc_id));
  // stored facts first (analyze reads every text once); texts only for documents not read yet
  const stored = await documentIntel(store, ref.version, ids);
  const texts = await documentTexts(
    store,
    ids.filter((d) => !stored.has(d)),
  );
  // a roundup cited by several incidents cannot say whose sentence is whose: its facts are left out
  const citing = new Map<string, number>();
  for (const i of incidents) {
    if (i.sources.length === 1) citing.set(i.sources[0].doc_id, (citing.get(i.sources[0].doc_id) ?? 0) + 1);
    else for (const d of new Set(i.sources.map((s) => s.doc_id))) citing.set(d, (citing.get(d) ?? 0) + 1);
  }
  // each document's facts once, with one link object, shared by every incident that cites it
  const perDoc = new Map<string, IncidentIntel[] | null>();
  const docFacts = (s: IncidentSource): IncidentIntel[] | null => {
    let facts = perDoc.get(s.doc_id);
    if (facts !== undefined) return facts;
    // the link as stored: the report makes it safe (http(s) only) where it shows one; parsing 100,000 URLs here
    // for the few quoted cost half a second
    const source = {
      label: s.outlet ?? label(s.outlet, s.url, s.title),
      href: s.url,
      title: s.title,
      published: s.published,
    };
    if (stored.has(s.doc_id)) {
      // straight from the stored tuples: no intermediate objects for 100,000 documents' facts
      const packed = stored.get(s.doc_id) as [IntelItem['kind'], string, number, number][];
      facts = packed.map(([kind, value, start, end]) => ({
        kind,
        value,
        quote: '',
        doc_id: s.doc_id,
        start,
        end,
        source,
      }));
      perDoc.set(s.doc_id, facts);
      return facts;
    }
    const items = texts.has(s.doc_id) ? extractIntel(texts.get(s.doc_id)!, ref) : null;
    facts =
      items &&
      items.map((it) => ({
        kind: it.kind,
        value: it.value,
        quote: it.evidence.quote,
        doc_id: s.doc_id,
        start: it.evidence.start,
        end: it.evidence.end,
        source,
      }));
    perDoc.set(s.doc_id, facts);
    return facts;
  };
  const out: Record<string, IncidentIntel[]> = {};
  for (const inc of incidents) {
    if (inc.sources.length === 1) {
      // most incidents have one source: its facts as they are
      const only = inc.sources[0];
      const f = (citing.get(only.doc_id) ?? 0) <= 1 ? docFacts(only) : null;
      if (f && f.length > 0) out[inc.incident_id] = f;
      continue;
    }
    const lists = [...inc.sources]
      .filter((s) => (citing.get(s.doc_id) ?? 0) <= 1)
      .sort((a, b) => cmp(a.published ?? '9999', b.published ?? '9999') || cmp(a.doc_id, b.doc_id))
      .map(docFacts)
      .filter((f): f is IncidentIntel[] => f !== null && f.length > 0);
    if (lists.length === 1) out[inc.incident_id] = lists[0];
    if (lists.length <= 1) continue;
    // several sources: one fact per kind and value, from the earliest source that says it
    const facts = new Map<string, IncidentIntel>();
    for (const list of lists)
      for (const f of list) {
        const key = `${f.kind}\u0000${f.value}`;
        if (!facts.has(key)) facts.set(key, f);
      }
    out[inc.incident_id] = [...facts.values()];
  }
  return out;
}

/** Cuts the sentences the report quotes (stored facts carry offsets only) from their documents' texts. */
export async function fillQuotes(store: Store, json: ReportJson): Promise<void> {
  const t = json.tables;
  const spots = [
    ...t.techniques.flatMap((x) => x.evidence),
    ...t.data_exposed.flatMap((x) => x.evidence),
    ...t.indicators,
  ];
  const missing = spots.filter((q) => q.quote === '');
  if (missing.length === 0) return;
  const texts = await documentTexts(
    store,
    missing.map((q) => q.doc_id),
  );
  for (const q of missing) q.quote = texts.get(q.doc_id)?.slice(q.start, q.end) ?? '';
}
