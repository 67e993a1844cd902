// Renders the whole demo web in memory: pages, feeds, robots.txt, front pages, labels.json, sources.yaml.
import { join } from 'node:path';
import { labelsJson, sourcesYaml } from './catalog.ts';
import { fileOf, makeCorpus, pageContext } from './context.ts';
import { renderFeed } from './feeds.ts';
import { renderHome, robotsTxt } from './home.ts';
import { DemoSourceError, loadArticles, loadOutlets } from './load.ts';
import { TEMPLATES } from './templates/index.ts';
import { encode } from './util.ts';
import { renderPdf } from './pdf.ts';
import { RESEARCH_INDEX, renderResearchIndex } from './research.ts';

/** Output files keyed by their path relative to demo (`sites/<host>/…`, `labels.json`, `sources.yaml`). */
export type Output = Map<string, Buffer>;

export function renderDemo(demoDir: string): Output {
  const srcDir = join(demoDir, 'src');
  const outlets = loadOutlets(srcDir);
  const corpus = makeCorpus(outlets, loadArticles(srcDir, outlets));
  const out: Output = new Map();
  const put = (path: string, data: Buffer | string, owner: string) => {
    if (out.has(path)) throw new DemoSourceError(owner, `output ${path} is produced twice`);
    out.set(path, typeof data === 'string' ? Buffer.from(data, 'utf-8') : data);
  };
  for (const o of outlets.values()) {
    const t = TEMPLATES[o.key];
    if (!t) throw new DemoSourceError(join(srcDir, 'outlets.yaml'), `no page template for outlet "${o.key}"`);
    const site = `sites/${o.host}`;
    put(`${site}${o.feed.path}`, renderFeed(corpus, o), o.key);
    put(`${site}/robots.txt`, robotsTxt(o), o.key);
    put(`${site}/index.html`, encode(renderHome(corpus, o), o.charset), o.key);
    for (const [path, body] of Object.entries(t.assets ?? {})) put(`${site}${path}`, body, o.key);
  }
  for (const o of outlets.values()) {
    const index = renderResearchIndex(corpus, o);
    if (index) put(`sites/${o.host}${RESEARCH_INDEX}index.html`, index, o.key);
  }
  for (const a of corpus.articles) {
    const c = pageContext(corpus, a);
    if (a.format === 'pdf') put(fileOf(corpus, a), renderPdf(c), a.file);
    else put(fileOf(corpus, a), encode(TEMPLATES[a.outlet].render(c), c.o.charset), a.file);
  }
  put('labels.json', labelsJson(corpus), 'labels.json');
  put('sources.yaml', sourcesYaml(corpus), 'sources.yaml');
  return new Map([...out.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}
