// A tiny news site on 127.0.0.1 for alert and watch tests: one RSS feed listing the articles added so far, each
// a short story of our own about a hospital hit by ransomware; every request is logged.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NewsSite {
  origin: string;
  /** requests as "METHOD path" */
  log: string[];
  /** adds the story of a hospital (published on `date`) to the feed */
  add(hospital: string, city: string, date: string): void;
  close(): Promise<void>;
}

// Four differently worded stories, so articles about different hospitals are never read as copies of each other.
const STORIES = [
  (h: string, c: string) =>
    `${h} in ${c}, Washington, said on Monday that a ransomware attack had taken its electronic health record ` +
    'system offline, and that clinicians had switched to paper charts while the network was rebuilt. The hospital ' +
    'said the attackers demanded $2 million in bitcoin and that no payment had been made.\n\nAmbulances were ' +
    `diverted to neighbouring hospitals for three days. ${h} said the personal data of about 48,000 patients may ` +
    'have been copied before the files were encrypted.',
  (h: string, c: string) =>
    `A cyberattack has disrupted services at ${h}, the largest hospital in ${c}, Oregon. Administrators confirmed ` +
    'on Tuesday that ransomware encrypted servers running its scheduling and imaging systems.\n\nElective ' +
    'surgeries were postponed for five days while engineers restored backups. The criminals asked for $750,000, ' +
    'according to a person familiar with the negotiations, but the hospital refused to pay.',
  (h: string, c: string) =>
    `Officials at ${h} in ${c}, Idaho, disclosed a data breach on Wednesday after a ransomware gang published ` +
    'files stolen from its billing department. Names, insurance numbers and diagnoses of roughly 12,500 patients ' +
    'were exposed.\n\nThe hospital notified regulators and offered credit monitoring. Its phone lines and ' +
    'patient portal stayed down for two days after the intrusion was discovered.',
  (h: string, c: string) =>
    `Emergency patients were turned away from ${h} in ${c}, Montana, on Thursday as a ransomware infection ` +
    'spread through its network. The attackers left a note demanding 40 bitcoin.\n\nThe hospital said it had ' +
    'called in the FBI and an outside incident response firm, and that it expected its electronic records to be ' +
    'back within a week. Around 9,000 patient files may have been accessed.',
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export async function startNewsSite(): Promise<NewsSite> {
  const articles: { slug: string; hospital: string; city: string; date: string; k: number }[] = [];
  const log: string[] = [];
  const server: Server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    const origin = `http://${req.headers.host}`;
    if (req.url === '/feed.xml') {
      const items = articles
        .map(
          (a) =>
            `<item><title>${esc(a.hospital)} hit by ransomware</title><link>${origin}/a/${a.slug}.html</link>` +
            `<guid>${origin}/a/${a.slug}.html</guid><pubDate>${new Date(`${a.date}T09:00:00Z`).toUTCString()}</pubDate></item>`,
        )
        .join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test news</title>${items}</channel></rss>`);
      return;
    }
    const a = articles.find((x) => req.url === `/a/${x.slug}.html`);
    if (a) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="en"><head><title>${esc(a.hospital)} hit by ransomware</title>` +
          `<meta property="article:published_time" content="${a.date}T09:00:00Z"></head><body><article>` +
          `<h1>${esc(a.hospital)} hit by ransomware</h1>${STORIES[a.k % STORIES.length](a.hospital, a.city)
            .split('\n\n')
            .map((p) => `<p>${esc(p)}</p>`)
            .join('')}</article></body></html>`,
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    add(hospital, city, date) {
      articles.push({
        slug: hospital.toLowerCase().replace(/[^a-z]+/g, '-'),
        hospital,
        city,
        date,
        k: articles.length,
      });
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** A catalogue with the site's feed (polled every `interval`), loopback allowed, and optional webhooks. */
export function siteCatalogue(origin: string, interval = '6h', webhooks: { url: string; secret_env: string }[] = []) {
  return [
    'allow_private: ["127.0.0.1/32"]',
    ...(webhooks.length
      ? ['webhooks:', ...webhooks.map((w) => `  - {url: "${w.url}", secret_env: ${w.secret_env}}`)]
      : []),
    'sources:',
    `  - {id: test-news, kind: rss, url: "${origin}/feed.xml", publisher: "Test News", country: US, language: en, interval: ${interval}}`,
    '',
  ].join('\n');
}
