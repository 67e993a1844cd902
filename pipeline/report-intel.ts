// Reads the threat-intelligence facts of the incidents a report covers: each source document's text through
// analyze/extract/intel, merged per incident (one fact per kind and value, quoted from the earliest source).
import { extractIntel } from '../analyze/extract/intel/extract.ts';
import type { IntelReference } from '../analyze/extract/intel/reference.ts';
import type { Incident } from '../core/records.ts';
import { safeHref } from '../reports/weekly/format.ts';
import { cmp } from '../reports/weekly/stats.ts';
import type { IncidentIntel } from '../reports/weekly/types.ts';
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
  const texts = await documentTexts(
    store,
    incidents.flatMap((i) => i.sources.map((s) => s.doc_id)),
  );
  // a roundup cited by several incidents cannot say whose sentence is whose: its facts are left out
  const citing = new Map<string, number>();
  for (const i of incidents)
    for (const d of new Set(i.sources.map((s) => s.doc_id))) citing.set(d, (citing.get(d) ?? 0) + 1);
  const perDoc = new Map<string, ReturnType<typeof extractIntel>>();
  const out: Record<string, IncidentIntel[]> = {};
  for (const inc of incidents) {
    const facts = new Map<string, IncidentIntel>();
    const sources = [...inc.sources].sort(
      (a, b) => cmp(a.published ?? '9999', b.published ?? '9999') || cmp(a.doc_id, b.doc_id),
    );
    for (const s of sources) {
      const text = texts.get(s.doc_id);
      if (!text || (citing.get(s.doc_id) ?? 0) > 1) continue;
      let items = perDoc.get(s.doc_id);
      if (!items) perDoc.set(s.doc_id, (items = extractIntel(text, ref)));
      for (const it of items) {
        const key = `${it.kind}\u0000${it.value}`;
        if (facts.has(key)) continue;
        facts.set(key, {
          kind: it.kind,
          value: it.value,
          quote: it.evidence.quote,
          source: {
            label: label(s.outlet, s.url, s.title),
            href: safeHref(s.url),
            title: s.title,
            published: s.published,
          },
        });
      }
    }
    if (facts.size) out[inc.incident_id] = [...facts.values()];
  }
  return out;
}
