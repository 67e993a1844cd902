// What makes an export citable: CITATION.cff (Citation File Format 1.2.0) and the manifest's provenance fields.
import { createHash } from 'node:crypto';
import { TRIAGE_VERSION } from '../../core/version.ts';
import { EXTRACTOR_VERSION } from '../../analyze/extract/index.ts';
import type { Store } from '../../store/store.ts';
import { catalogueRows } from '../../store/export-tables.ts';

export type Provenance = {
  exported_at: string;
  triage_version: string;
  extractor_version: string;
  /** SHA-256 of the sources catalogue the data was collected from (the `sources` table, by source_id) */
  catalogue_sha256: string;
  format: string;
  since: string | null;
  until: string | null;
  rows: Record<string, number>;
};

export async function provenance(
  store: Store,
  o: { format: string; since?: string; until?: string; now: string },
  rows: Record<string, number>,
): Promise<Provenance> {
  const catalogue = JSON.stringify(await catalogueRows(store));
  return {
    exported_at: o.now,
    triage_version: TRIAGE_VERSION,
    extractor_version: EXTRACTOR_VERSION,
    catalogue_sha256: createHash('sha256').update(catalogue).digest('hex'),
    format: o.format,
    since: o.since ?? null,
    until: o.until ?? null,
    rows,
  };
}

const yamlString = (s: string) => JSON.stringify(s);

export function citationCff(p: Provenance): string {
  const range = `${p.since ?? 'the earliest incident'} to ${p.until ?? 'the latest'}`;
  return `cff-version: 1.2.0
message: "If you use this dataset, please cite it as below, with the export date and the date range."
type: dataset
title: ${yamlString(`Triage healthcare cyber-incident dataset (${p.format} export, ${range})`)}
authors:
  - name: "Triage contributors"
version: ${yamlString(`triage ${p.triage_version}, ${p.extractor_version}, catalogue ${p.catalogue_sha256.slice(0, 12)}`)}
date-released: ${yamlString(p.exported_at.slice(0, 10))}
license: MIT
abstract: ${yamlString(
    'Cyberattacks on healthcare organisations resolved automatically from news reports: incidents, their ' +
      'sources, the evidence of every field and ransom claims. Figures are reported claims, not verified facts; ' +
      'article texts belong to their publishers.',
  )}
keywords:
  - cybersecurity
  - healthcare
  - ransomware
  - incidents
`;
}
