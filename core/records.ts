// The records passed between stages. Each is defined once here; the TypeScript types are inferred.
// FeedItem → FetchedPage → CleanArticle → Extraction → Incident
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** A YYYY-MM-DD that names a real day (2022-02-30 does not: Date would roll it to 2 March). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T/, 'expected ISO-8601 date-time');

/** One entry of a feed (or one page source), before fetching. */
export const FeedItem = z.object({
  source_id: z.string(),
  guid: z.string(),
  link: z.string().url(),
  title: z.string().nullable(),
  published: isoDateTime.nullable(),
  summary: z.string().nullable(),
  fetched_at: isoDateTime,
});
export type FeedItem = z.infer<typeof FeedItem>;

/** Raw bytes of one fetched document, with the HTTP facts that matter for re-fetching. */
export const FetchedPage = z.object({
  url: z.string(),
  final_url: z.string(),
  status: z.number().int(),
  content_type: z.string().nullable(),
  etag: z.string().nullable(),
  last_modified: z.string().nullable(),
  /** charset declared by the HTTP header, if any; the cleaner still sniffs BOM and meta */
  charset: z.string().nullable(),
  bytes_sha256: z.string(),
  body: z.instanceof(Uint8Array),
  fetched_at: isoDateTime,
  source_id: z.string().nullable(),
  /** feed metadata carried along: used when the page itself lacks it */
  feed_title: z.string().nullable(),
  feed_published: isoDateTime.nullable(),
  /** for local files (`ingest --dir`): the path, else null */
  file: z.string().nullable(),
  outlet: z.string().nullable(),
});
export type FetchedPage = z.infer<typeof FetchedPage>;

/** The article text and metadata after boilerplate and script noise are stripped. */
export const CleanArticle = z.object({
  doc_id: z.string(),
  /** hash of the normalised text: equal texts under different URLs share it */
  content_hash: z.string(),
  url: z.string().nullable(),
  canonical_url: z.string().nullable(),
  file: z.string().nullable(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  outlet: z.string().nullable(),
  site_name: z.string().nullable(),
  published: isoDateTime.nullable(),
  modified: isoDateTime.nullable(),
  lang: z.string().nullable(),
  text: z.string(),
  bytes_sha256: z.string().nullable(),
  fetched_at: isoDateTime.nullable(),
  source_id: z.string().nullable(),
});
export type CleanArticle = z.infer<typeof CleanArticle>;

/** A quote behind a fact: character offsets into CleanArticle.text; `page`: the PDF page it stands on
 * (core/pages.ts), set after extraction for paged documents only. */
export const Evidence = z.object({
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  page: z.number().int().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const SECTORS = [
  'hospital',
  'health-system',
  'clinic',
  'lab',
  'pharma',
  'insurer',
  'health-agency',
  'health-it-vendor',
  'medical-device',
  'other',
] as const;
export const Sector = z.enum(SECTORS);
export type Sector = z.infer<typeof Sector>;

export const ATTACK_TYPES = ['ransomware', 'data-breach', 'ddos', 'extortion', 'phishing', 'other'] as const;
export const AttackType = z.enum(ATTACK_TYPES);
export type AttackType = z.infer<typeof AttackType>;

export const Victim = z.object({
  name: z.string(),
  canonical: z.string(),
  country: z.string().nullable(),
  sector: Sector,
  evidence: Evidence,
});
export type Victim = z.infer<typeof Victim>;

// canonical: the name as its table entry spells it ("Clop", "Fancy Bear"): the name the text gives, normalised;
// family: the entry's own name when it differs ("Cl0p", "APT28"), which incidents and reports group by
export const Actor = z.object({
  name: z.string(),
  canonical: z.string(),
  family: z.string().optional(),
  evidence: Evidence,
});
export type Actor = z.infer<typeof Actor>;

export const RansomClaim = z.object({
  kind: z.enum(['demanded', 'paid', 'unknown']),
  amount: z.number().nullable(),
  /** ISO 4217 code, or BTC, XMR, ETH, CRYPTO (crypto named but no figure) */
  currency: z.string(),
  usd: z.number().nullable(),
  usd_rate_date: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .nullable(),
  as_written: z.string(),
  disputed: z.boolean(),
  hedged: z.boolean(),
  evidence: Evidence,
});
export type RansomClaim = z.infer<typeof RansomClaim>;

export const RecordsAffected = z.object({ count: z.number(), as_written: z.string(), evidence: Evidence });

/** What one article says. This is the `triage extract` contract, plus the doc_id it came from. */
export const Extraction = z.object({
  doc_id: z.string(),
  extractor_version: z.string(),
  relevant: z.boolean(),
  relevance: z.number().min(0).max(1),
  attack_types: z.array(AttackType),
  victims: z.array(Victim),
  actors: z.array(Actor),
  ransom: z.array(RansomClaim),
  payment_method: z.string().nullable(),
  records_affected: RecordsAffected.nullable(),
  attack_date: isoDate.nullable(),
  published: isoDate.nullable(),
  downtime_days: z.number().nullable(),
  countries: z.array(z.string().length(2)),
  /**
   * ISO 639-1 language the text was read as: a non-Latin script names it (ml, hi, ru …), Latin-script text is told by
   * function words (en, es, fr, de, nl, pt, it); 'und' when undecided. A language the fact rules do not read
   * (not in FACT_LANGUAGES, analyze/extract/language.ts) yields relevance only, every fact empty. Absent in records
   * of older extractors.
   */
  language: z.string().optional(),
});
export type Extraction = z.infer<typeof Extraction>;

/** One reported value of an incident field, with where and when it was said. */
export const Reported = z.object({
  value: z.unknown(),
  doc_id: z.string(),
  published: isoDate.nullable(),
  outlet: z.string().nullable(),
  /** a newer version of the same page replaced this document: kept as history, not used for best values */
  superseded: z.boolean().optional(),
  /** this document copies (syndication, duplicate) the named cluster representative: one claim, counted once */
  duplicate_of: z.string().optional(),
  /** the document names several victims, so the value may belong to another one: not used for best values */
  shared: z.boolean().optional(),
  /** for a superseded version: its document_versions.version_id (doc_id names the document) */
  version_id: z.string().optional(),
  /** the value comes from a regulator's register (doc_id is then the filing's hash ID, not a document) */
  regulator: z.boolean().optional(),
});
export type Reported = z.infer<typeof Reported>;

export const IncidentSource = z.object({
  doc_id: z.string(),
  url: z.string().nullable(),
  file: z.string().nullable(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  published: isoDate.nullable(),
});
export type IncidentSource = z.infer<typeof IncidentSource>;

export const IncidentRansom = RansomClaim.omit({ evidence: true }).extend({
  doc_id: z.string(),
  quote: z.string(),
  published: isoDate.nullable(),
  /** the PDF page of the quote, for a claim read from a PDF report */
  page: z.number().int().optional(),
});

/** A matching entry in a regulator's breach register (the HHS OCR list for US incidents). */
export const RegulatorFiling = z.object({
  source: z.literal('HHS OCR'),
  name: z.string(),
  /** USPS state code */
  state: z.string(),
  entity_type: z.string(),
  individuals_affected: z.number().nullable(),
  submitted: isoDate,
  breach_type: z.string(),
  /** false when the articles name no US state, so only name and date window were checked */
  state_matched: z.boolean(),
});
export type RegulatorFiling = z.infer<typeof RegulatorFiling>;

export const INCIDENT_STATUSES = ['reported', 'claimed-by-group', 'confirmed-by-victim', 'disputed'] as const;

/** Many reports merged into one incident; `history` keeps every reported value of every field. */
export const Incident = z.object({
  incident_id: z.string(),
  victim: z.string(),
  country: z.string().nullable(),
  sector: Sector,
  actor: z.string().nullable(),
  attack_types: z.array(AttackType),
  first_reported: isoDate.nullable(),
  attack_date: isoDate.nullable(),
  ransom: z.array(IncidentRansom),
  /** best demanded amount in USD (documented rule in analyze/resolve) */
  ransom_demanded_usd: z.number().nullable(),
  ransom_paid_usd: z.number().nullable(),
  records_affected: z.number().nullable(),
  downtime_days: z.number().nullable(),
  status: z.enum(INCIDENT_STATUSES),
  sources: z.array(IncidentSource),
  history: z.record(z.string(), z.array(Reported)),
  /** the regulator filing matched to a US incident, null when none (absent in records stored before it existed) */
  regulator_filing: RegulatorFiling.nullable().optional(),
});
export type Incident = z.infer<typeof Incident>;

/**
 * Threat-intelligence facts read from one article for the report (analyze/extract/intel): ATT&CK techniques,
 * kinds of data exposed, and indicators as reported (CVE IDs, domains named as attack infrastructure, leak sites).
 * Each carries its evidence sentence; offsets are into the document's text.
 */
export const IntelItem = z.object({
  kind: z.enum(['technique', 'data', 'cve', 'domain', 'leak-site']),
  /** technique ID (T1566), data category id, CVE ID, domain, or leak-site address ('' when unnamed) */
  value: z.string(),
  evidence: Evidence,
});
export type IntelItem = z.infer<typeof IntelItem>;
