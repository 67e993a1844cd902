// What `triage show`, the search page and the export's evidence table read about where each field value came
// from: the facts (quotes with offsets) of an incident's documents, and those documents' citation fields.
import type { Store } from './store.ts';
import type { DocMeta } from './export-tables.ts';

export interface FactRow {
  doc_id: string;
  version_id: string;
  field: string;
  value: string;
  quote: string | null;
  start_offset: number | null;
  end_offset: number | null;
  page: number | null;
}

/** A document's citation fields (as the export writes them), with the version read and its text. */
export interface SourceDoc extends DocMeta {
  version_id: string;
  text: string | null;
}

/** The facts every version (current and older) of the incident's documents gave, read by `extractorVersion`. */
export function incidentFacts(store: Store, incidentId: string, extractorVersion: string): Promise<FactRow[]> {
  return store.all<FactRow>(
    `SELECT f.doc_id, f.version_id, f.field, f.value::VARCHAR AS value, f.quote, f.start_offset, f.end_offset, f.page
    FROM facts f JOIN incident_sources s ON s.doc_id = f.doc_id
    WHERE s.incident_id = ? AND f.extractor_version = ? ORDER BY f.doc_id, f.fact_id`,
    [incidentId, extractorVersion],
  );
}

/** The incident's documents with their current text and the language the extractor read it in. */
export function incidentDocs(store: Store, incidentId: string, extractorVersion: string): Promise<SourceDoc[]> {
  return store.all<SourceDoc>(
    `SELECT d.doc_id, d.version_id, d.url, d.canonical_url, d.file, d.title, d.outlet,
      strftime(d.published, '%Y-%m-%d') AS published, e.record->>'language' AS language, d.text
    FROM documents d JOIN incident_sources s ON s.doc_id = d.doc_id
    LEFT JOIN extractions e ON e.version_id = d.version_id AND e.extractor_version = ?
    WHERE s.incident_id = ? ORDER BY d.doc_id`,
    [extractorVersion, incidentId],
  );
}

/** Incident IDs whose victim (as stored) matches `name` exactly, ignoring case; else containing it. */
export async function incidentIdsByVictim(store: Store, name: string): Promise<string[]> {
  const rows = await store.all<{ incident_id: string }>(
    `SELECT incident_id FROM incidents WHERE lower(victim) = lower(?)
    UNION SELECT incident_id FROM search_names WHERE acronym = lower(?) ORDER BY incident_id`,
    [name, name.replace(/[^A-Za-z0-9]/g, '')],
  );
  return rows.map((r) => r.incident_id);
}

/** The groups incidents are attributed to, for the list a wrong --actor is answered with. */
export async function actorsInData(store: Store): Promise<string[]> {
  const rows = await store.all<{ actor: string }>(
    'SELECT DISTINCT actor FROM incidents WHERE actor IS NOT NULL ORDER BY lower(actor)',
  );
  return rows.map((r) => r.actor);
}
