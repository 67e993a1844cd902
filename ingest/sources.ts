// The sources catalogue (data/sources.yaml, demo/sources.yaml and user copies): schema and loader.
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../core/errors.ts';
import { hasUserinfo } from '../core/safe-text.ts';
import { isSelector } from './feeds/index-page.ts';

const INTERVAL = /^(\d+)\s*(s|m|h|d)$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A source's polling interval in milliseconds (`triage watch`): "30m" → 1,800,000. */
export function intervalMs(interval: string): number {
  const m = INTERVAL.exec(interval.trim());
  if (!m) throw new ConfigError(`interval such as 30m, 6h or 1d, got "${interval}"`);
  return Math.max(1, Number(m[1])) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

function isCidr(value: string): boolean {
  const [addr, prefix, ...rest] = value.split('/');
  const family = isIP(addr ?? '');
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  const n = Number(prefix);
  return /^\d+$/.test(prefix) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

// Credentials in a URL would be stored, logged and exported with it; the message never repeats the URL.
const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL')
  .refine((u) => !hasUserinfo(u), 'must not contain a user name or password (user:pass@): Triage sends no credentials');

export const Source = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _ only'),
    kind: z.enum(['rss', 'atom', 'rdf', 'page', 'sitemap']),
    url: httpUrl,
    publisher: z.string().min(1),
    country: z.string().regex(/^[A-Z]{2}$/, 'two-letter upper-case country code'),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'language tag such as en or en-IN'),
    enabled: z.boolean().default(true),
    interval: z.string().regex(INTERVAL, 'interval such as 30s, 30m, 6h or 1d').default('6h'),
    include: z.array(z.string().min(1)).optional(),
    exclude: z.array(z.string().min(1)).optional(),
    /** `page` only: a CSS selector (cheerio) for the report links of an index page; without it the page is one article */
    links: z.string().min(1).refine(isSelector, 'not a valid CSS selector').optional(),
    /** `page` with `links`: follow at most this many links, first in page order (index pages list newest first) */
    max_items: z.number().int().positive().optional(),
    /** false until `triage sources check` has seen the source answer */
    verified: z.boolean().optional(),
  })
  .strict()
  .refine((s) => s.kind === 'page' || (s.links === undefined && s.max_items === undefined), {
    message: '`links` and `max_items` are for kind: page',
    path: ['links'],
  })
  .refine((s) => s.links !== undefined || s.max_items === undefined, {
    message: '`max_items` needs `links`',
    path: ['max_items'],
  });
export type Source = z.infer<typeof Source>;

/** An alert webhook: its URL and the environment variable holding the HMAC secret (never the secret itself). */
export const Webhook = z
  .object({
    url: httpUrl,
    secret_env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'the name of an environment variable'),
  })
  .strict();
export type Webhook = z.infer<typeof Webhook>;

export const SourcesFile = z
  .object({
    allow_private: z.array(z.string().refine(isCidr, 'expected a CIDR such as 10.0.0.0/8')).optional(),
    webhooks: z.array(Webhook).optional(),
    sources: z.array(Source),
  })
  .strict();
export type SourcesFile = z.infer<typeof SourcesFile>;

/** Describe where a zod issue sits, naming the source entry by index and id so users can find it. */
function locate(raw: unknown, path: PropertyKey[]): string {
  if (path[0] === 'sources' && typeof path[1] === 'number') {
    const entry = (raw as { sources?: unknown[] })?.sources?.[path[1]] as { id?: unknown } | undefined;
    const id = typeof entry?.id === 'string' ? ` (id "${entry.id}")` : '';
    const field = path.slice(2).join('.');
    return `sources[${path[1]}]${id}${field ? `.${field}` : ''}`;
  }
  return path.map(String).join('.') || '(top level)';
}

/** Parse catalogue text; `file` is only used in error messages. */
export function parseSources(text: string, file: string): SourcesFile {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new ConfigError(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const result = SourcesFile.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${locate(raw, i.path)}: ${i.message}`);
    throw new ConfigError(`${file}: invalid sources catalogue: ${issues.join('; ')}`);
  }
  const seen = new Set<string>();
  result.data.sources.forEach((s, i) => {
    if (seen.has(s.id)) throw new ConfigError(`${file}: sources[${i}] (id "${s.id}"): duplicate id`);
    seen.add(s.id);
  });
  return result.data;
}

export async function loadSources(file: string): Promise<SourcesFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read sources catalogue: ${(err as Error).message}`);
  }
  return parseSources(text, file);
}
