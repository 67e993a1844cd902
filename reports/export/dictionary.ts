// The data dictionary of an export, generated from the schemas: column names and types come from DuckDB's
// description of the exported tables, the incident record from its zod schema; the words are ours.
import { z } from 'zod';
import { Incident } from '../../core/records.ts';
import type { ExportTable } from '../../store/export-tables.ts';

export interface DictColumn {
  name: string;
  type: string;
  description: string;
}
export type Dictionary = Record<ExportTable, DictColumn[]>;

const TABLES: Record<ExportTable, string> = {
  incidents: 'one row per incident (many articles merged); best values of each field, the full record as JSON',
  incident_sources: 'incident × document: the articles behind each incident',
  documents: 'one row per distinct article (its current version), with the cleaned text',
  claims: 'one row per ransom figure read in an article (current version, current extractor), with its quote',
  evidence:
    'one row per reported value of every field of every incident (the values behind `record_json` history), with ' +
    'its document, outlet, date, link and quote; a field stored without a quote (downtime, attack date, types) ' +
    'cites the sentence the same reader finds again, and only when it states that very value, else quote is empty',
};

/** What each column means; a column without an entry is described by its name in the dictionary. */
const WORDS: Record<string, string> = {
  incident_id: 'incident ID (hash of the victim and the incident key)',
  victim: 'victim organisation, canonical name',
  country: 'victim country, ISO 3166-1 alpha-2',
  sector:
    'victim sector (hospital, health-system, clinic, lab, pharma, insurer, health-agency, health-it-vendor, medical-device, other)',
  actor: 'ransomware or extortion group, canonical name (data/reference/groups.yaml)',
  attack_types: 'attack types: ransomware, data-breach, ddos, extortion, phishing, other',
  first_reported: 'date of the earliest article',
  attack_date: 'date the attack began, when reported',
  ransom_demanded_usd: "best demanded ransom in US dollars at the incident month's rate",
  ransom_paid_usd: 'best paid ransom in US dollars',
  records_affected: 'records or people affected, best reported value',
  downtime_days: 'days of disruption, best reported value',
  status: 'reported, claimed-by-group, confirmed-by-victim or disputed',
  source_count: 'number of articles',
  record_json: 'the full incident record as JSON (see incident.schema.json): every reported value with source and date',
  year: 'partition column: year of the incident date (incidents) or of publication (documents, claims)',
  month: 'partition column: month (1-12) of the same date',
  doc_id: 'document ID (hash of the canonical URL, else URL, else file)',
  version_id: 'ID of the document version (hash of its content)',
  canonical_url: 'canonical URL declared by the page',
  url: 'URL fetched',
  file: 'local file, for documents read from a folder',
  content_hash: 'hash of the normalised text',
  title: 'headline',
  byline: 'author line',
  outlet: 'publication name',
  site_name: 'site name declared by the page',
  published: 'publication time',
  modified: 'last modification time declared by the page',
  language: 'language code',
  source_id: 'catalogue source (data/sources.yaml)',
  fetched_at: 'time the page was fetched',
  text: 'cleaned article text (belongs to the publisher)',
  claim_id: 'claim ID (hash of the version, extractor version, field and position)',
  incident_ids: 'incidents whose sources include this article',
  kind: 'demanded, paid or unknown',
  amount: 'amount as written, in its currency',
  currency: 'ISO 4217 code, or BTC, XMR, ETH, CRYPTO',
  usd: 'amount in US dollars at the rate of usd_rate_date',
  usd_rate_date: 'month (YYYY-MM) of the exchange rate used',
  as_written: 'the figure as the article wrote it',
  disputed: 'the article reports a denial of this figure',
  hedged: 'the article attributes the figure without confirming it (allegedly, reportedly…)',
  quote: 'the sentence the figure was read from',
  start_offset: 'offset of the quote in the document text (characters)',
  end_offset: 'end offset of the quote',
  field:
    'incident field (victim, country, sector, actor, attack_types, attack_date, ransom, payment_method, records_affected, downtime_days, confirmed)',
  value: 'the reported value: text, or JSON for a ransom figure, a record count or a list',
  page: 'PDF page the quote stands on, for a report read from a PDF',
  superseded: 'the value comes from an older version of the article (kept as history, not used for best values)',
  shared: 'the article names several victims, so the value may belong to another one (not used for best values)',
};

export function buildDictionary(columns: Record<ExportTable, { name: string; type: string }[]>): Dictionary {
  const out = {} as Dictionary;
  for (const [t, cols] of Object.entries(columns) as [ExportTable, { name: string; type: string }[]][]) {
    out[t] = cols.map((c) => ({ ...c, description: WORDS[c.name] ?? c.name.replace(/_/g, ' ') }));
  }
  return out;
}

/** JSON Schema of the incident record, generated from the zod schema the pipeline validates with. */
export function incidentJsonSchema(): unknown {
  return z.toJSONSchema(Incident, { unrepresentable: 'any' });
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function dictionaryMarkdown(d: Dictionary): string {
  const parts = [
    '# Data dictionary',
    '',
    'Generated by `triage export` from the DuckDB description of each exported table; the incident record',
    '(`record_json`) is described by `incident.schema.json`, generated from the zod schema Triage validates it with.',
    '',
  ];
  for (const [t, cols] of Object.entries(d)) {
    parts.push(`## ${t}`, '', TABLES[t as ExportTable], '', '| column | type | description |', '|---|---|---|');
    for (const c of cols) parts.push(`| ${cell(c.name)} | ${cell(c.type)} | ${cell(c.description)} |`);
    parts.push('');
  }
  return parts.join('\n');
}
