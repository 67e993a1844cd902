// Zod schemas for the demo sources: article front matter and the outlet configuration.
import { z } from 'zod';
import { ATTACK_TYPES, SECTORS } from '../../core/records.ts';

const dateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/,
    'expected an ISO date-time with offset, e.g. 2022-11-28T10:40:00+05:30',
  );
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const country = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 code');
const slugId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes');

const Victim = z.strictObject({
  name: z.string().min(1),
  canonical: z.string().min(1),
  country: country.nullable(),
  sector: z.enum(SECTORS),
});
const Actor = z.strictObject({ name: z.string().min(1), canonical: z.string().min(1) });
const Ransom = z.strictObject({
  kind: z.enum(['demanded', 'paid', 'unknown']),
  amount: z.number().nonnegative().nullable(),
  currency: z.string().regex(/^[A-Z]{3,6}$/, 'expected an ISO 4217 code or BTC, XMR, ETH, CRYPTO'),
  as_written: z.string().min(1),
  disputed: z.boolean(),
  hedged: z.boolean(),
});

export const Labels = z.strictObject({
  incidents: z.array(z.string().min(1)),
  relevant: z.boolean(),
  attack_types: z.array(z.enum(ATTACK_TYPES)),
  victims: z.array(Victim),
  actors: z.array(Actor),
  ransom: z.array(Ransom),
  payment_method: z.string().nullable(),
  records_affected: z.strictObject({ count: z.number().nonnegative(), as_written: z.string().min(1) }).nullable(),
  attack_date: day.nullable(),
  downtime_days: z.number().nonnegative().nullable(),
  countries: z.array(country),
});
export type Labels = z.infer<typeof Labels>;

export const FrontMatter = z.strictObject({
  id: slugId,
  outlet: z.string().min(1),
  path: z.string().regex(/^\/[A-Za-z0-9._~/-]*$/, 'expected an absolute URL path of plain characters'),
  title: z.string().min(1),
  standfirst: z.string().min(1).optional(),
  author: z.string().min(1).optional(),
  published: dateTime,
  modified: dateTime.optional(),
  section: z.string().min(1),
  /** indexed-report: listed only on its outlet's research index page (src/research/), not in the feed */
  kind: z.enum(['news', 'vendor-report', 'trend', 'indexed-report']),
  /** pdf: served as a PDF written by build/pdf.ts instead of an HTML page (indexed reports only) */
  format: z.enum(['html', 'pdf']).optional(),
  leak_script: z.boolean().optional(),
  syndicated_from: slugId.optional(),
  supersedes: slugId.optional(),
  labels: Labels,
});
export type FrontMatter = z.infer<typeof FrontMatter>;

export const FEED_KINDS = ['rss', 'atom', 'rdf'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export const Outlet = z.strictObject({
  name: z.string().min(1),
  host: z.string().regex(/^[a-z0-9.-]+\.example$/, 'demo hosts must be under .example'),
  country,
  language: z.string().min(2),
  lang: z.string().min(2),
  charset: z.enum(['utf-8', 'windows-1252']),
  feed: z.strictObject({ kind: z.enum(FEED_KINDS), path: z.string().startsWith('/') }),
  twitter: z.string().startsWith('@'),
  since: z.number().int(),
  tagline: z.string(),
  sections: z.array(z.string().min(1)).min(3),
});
export type Outlet = z.infer<typeof Outlet> & { key: string };

export const OutletsFile = z.strictObject({ outlets: z.record(z.string(), Outlet) });

/** One block of an article body. */
export type Block =
  | { type: 'p'; text: string }
  | { type: 'h2'; text: string; id: string }
  | { type: 'ul'; items: string[] };

/** A validated article: front matter, the raw parsed labels (kept verbatim), the body. */
export interface Article extends FrontMatter {
  file: string;
  rawLabels: Record<string, unknown>;
  body: string;
  blocks: Block[];
}
