// Reads and validates the demo sources: src/outlets.yaml and src/articles/*.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { type Article, type Block, FrontMatter, type Outlet, OutletsFile } from './schema.ts';
import { escText, slugify } from './util.ts';

/** A problem in a source file; the message names the file. */
export class DemoSourceError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'DemoSourceError';
  }
}

function issues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}

export function loadOutlets(srcDir: string): Map<string, Outlet> {
  const file = join(srcDir, 'outlets.yaml');
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf-8'));
  } catch (e) {
    throw new DemoSourceError(file, (e as Error).message);
  }
  const parsed = OutletsFile.safeParse(raw);
  if (!parsed.success) throw new DemoSourceError(file, issues(parsed.error));
  return new Map(Object.entries(parsed.data.outlets).map(([key, o]) => [key, { ...o, key }]));
}

/** Splits a markdown body into paragraphs, `## ` headings and `- ` lists. */
export function parseBody(body: string): Block[] {
  const blocks: Block[] = [];
  const ids = new Set<string>();
  let para: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ type: 'p', text: para.join(' ') });
    if (list.length) blocks.push({ type: 'ul', items: list });
    para = [];
    list = [];
  };
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const h = /^##\s+(.+)$/.exec(line);
    const li = /^[-*]\s+(.+)$/.exec(line);
    if (h) {
      flush();
      let id = slugify(h[1]);
      for (let n = 2; ids.has(id); n++) id = `${slugify(h[1])}-${n}`;
      ids.add(id);
      blocks.push({ type: 'h2', text: h[1], id });
    } else if (li) {
      if (para.length) flush();
      list.push(li[1]);
    } else {
      if (list.length) flush();
      para.push(line);
    }
  }
  flush();
  return blocks;
}

/** Inline markdown (`**bold**`, `*em*`, `[text](url)`) to escaped HTML. */
export function inlineHtml(text: string): string {
  return escText(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])\*(\S.*?\S|\S)\*(?=[\s).,;:!?]|$)/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\(([^)\s"]+)\)/g, '<a href="$2">$1</a>');
}

/** Inline markdown reduced to plain text (for meta tags and feeds). */
export function plainText(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|[\s(])\*(\S.*?\S|\S)\*/g, '$1$2')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1');
}

export function parseArticle(file: string, text: string): Article {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)([\s\S]*)$/.exec(src);
  if (!m) throw new DemoSourceError(file, 'missing YAML front matter between "---" lines');
  let raw: unknown;
  try {
    raw = parseYaml(m[1], { prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    throw new DemoSourceError(file, `YAML error: ${(e as Error).message}`);
  }
  const fm = FrontMatter.safeParse(raw);
  if (!fm.success) throw new DemoSourceError(file, `front matter: ${issues(fm.error)}`);
  const id = basename(file, '.md');
  if (fm.data.id !== id) throw new DemoSourceError(file, `id "${fm.data.id}" must equal the file name "${id}"`);
  const body = m[2].trim();
  const blocks = parseBody(body);
  if (!blocks.some((b) => b.type === 'p')) throw new DemoSourceError(file, 'the body has no paragraph');
  const rawLabels = (raw as { labels: Record<string, unknown> }).labels;
  return { ...fm.data, file, rawLabels, body, blocks };
}

/** Loads every article, checking cross-references, outlets and URL clashes. Sorted by id. */
export function loadArticles(srcDir: string, outlets: Map<string, Outlet>): Article[] {
  // src/research/: reports reached only through a vendor's research index page (kept apart from src/articles,
  // the extraction-quality set)
  const files = ['articles', 'research'].flatMap((sub) => {
    const dir = join(srcDir, sub);
    if (sub === 'research' && !existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .map((n) => join(dir, n));
  });
  const articles = files
    .map((file) => parseArticle(file, readFileSync(file, 'utf-8')))
    .sort((x, y) => (basename(x.file) < basename(y.file) ? -1 : 1)); // file-name order, as before research/
  for (const a of articles) {
    const inResearch = basename(dirname(a.file)) === 'research';
    if (inResearch !== (a.kind === 'indexed-report'))
      throw new DemoSourceError(a.file, 'indexed reports, and only they, live in src/research/');
    if (a.format === 'pdf' && (a.kind !== 'indexed-report' || !a.path.endsWith('.pdf')))
      throw new DemoSourceError(a.file, 'a PDF is an indexed report whose path ends in .pdf');
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  const urls = new Map<string, string>();
  for (const a of articles) {
    const o = outlets.get(a.outlet);
    if (!o) throw new DemoSourceError(a.file, `unknown outlet "${a.outlet}" (see src/outlets.yaml)`);
    for (const ref of [a.syndicated_from, a.supersedes]) {
      if (ref && !byId.has(ref)) throw new DemoSourceError(a.file, `refers to missing article "${ref}"`);
      if (ref === a.id) throw new DemoSourceError(a.file, 'refers to itself');
    }
    if (a.kind === 'vendor-report' && a.outlet !== 'sentinelgrid') {
      throw new DemoSourceError(a.file, 'vendor reports are published by sentinelgrid');
    }
    const file = outputFile(o, a.path);
    const clash = urls.get(file);
    if (clash) throw new DemoSourceError(a.file, `path clashes with ${clash}`);
    urls.set(file, a.id);
  }
  // a path used as a file must not also be a directory of another path
  for (const [file, id] of urls) {
    for (const other of urls.keys()) {
      if (other.startsWith(`${file}/`)) throw new DemoSourceError(byId.get(id)!.file, `path is a prefix of ${other}`);
    }
  }
  const superseded = new Map<string, string>();
  for (const a of articles) {
    if (!a.supersedes) continue;
    const prev = superseded.get(a.supersedes);
    if (prev) throw new DemoSourceError(a.file, `"${a.supersedes}" is already superseded by ${prev}`);
    superseded.set(a.supersedes, a.id);
  }
  return articles;
}

/** The file (relative to demo) that serves `path` on the outlet's host. */
export function outputFile(o: Outlet, path: string): string {
  return `sites/${o.host}${path.endsWith('/') ? `${path}index.html` : path}`;
}
