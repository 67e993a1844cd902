import type { CleanArticle } from '../../core/records.ts';
import { loadReference } from '../../analyze/extract/index.ts';

export const ref = loadReference('data/reference');

export function article(
  text: string,
  published = '2022-11-28T10:40:00+05:30',
  title: string | null = null,
): CleanArticle {
  return {
    doc_id: 'test',
    content_hash: '',
    url: null,
    canonical_url: null,
    file: null,
    title,
    byline: null,
    outlet: null,
    site_name: null,
    published,
    modified: null,
    lang: 'en',
    text,
    bytes_sha256: null,
    fetched_at: null,
    source_id: null,
  };
}
