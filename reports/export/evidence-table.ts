// The export's flat `evidence` table: one row per reported value of every field of every exported incident,
// with its document, outlet, date, quote and offsets (the same evidence `triage show` lists).
import { Incident } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import { addEvidence, incidentRecords, type EvidenceRow } from '../../store/export-tables.ts';
import { incidentEvidence } from '../query/evidence.ts';

/** Fills the evidence table for the incidents in the range; returns its row count. */
export async function fillEvidence(store: Store, since?: string, until?: string): Promise<number> {
  let count = 0;
  const records = await incidentRecords(store, since, until);
  for (let i = 0; i < records.length; i += 100) {
    const rows: EvidenceRow[] = [];
    for (const record of records.slice(i, i + 100)) {
      const incident = Incident.parse(JSON.parse(record));
      const date = incident.attack_date ?? incident.first_reported;
      const [year, month] = date ? [Number(date.slice(0, 4)), Number(date.slice(5, 7))] : [null, null];
      for (const [field, list] of Object.entries(await incidentEvidence(store, incident))) {
        for (const e of list) {
          rows.push([
            incident.incident_id,
            field,
            typeof e.value === 'string' ? e.value : JSON.stringify(e.value),
            e.regulator ? null : e.doc_id,
            e.outlet,
            e.published,
            e.link,
            e.quote,
            e.start,
            e.end,
            e.page ?? null,
            !!e.superseded,
            !!e.shared,
            year,
            month,
          ]);
        }
      }
    }
    count = await addEvidence(store, rows);
  }
  return count;
}
