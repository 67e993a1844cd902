// HTML building blocks for the search page: every untrusted string goes through esc(), links only to http(s).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** An article link, or plain text when the URL is not http(s) (no javascript:, data: or file: links). */
export function link(url: string | null, text: string): string {
  if (!url || !/^https?:\/\//i.test(url)) return esc(text);
  return `<a href="${esc(url)}" rel="noopener noreferrer nofollow" target="_blank">${esc(text)}</a>`;
}

/** Text with the given [start, end) ranges wrapped in <mark>, everything escaped. */
export function highlighted(text: string, ranges: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [a, b] of ranges) {
    if (a < at) continue;
    out += `${esc(text.slice(at, a))}<mark>${esc(text.slice(a, b))}</mark>`;
    at = b;
  }
  return out + esc(text.slice(at));
}

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)} · Triage</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<header><a href="/" class="home">Triage</a> <span>healthcare cyber-incidents, searchable</span></header>
<main>
${body}
</main>
<footer>Incidents are resolved automatically from news reports: figures are reported claims, not verified facts. Articles belong to their publishers.</footer>
</body>
</html>
`;
}

export const CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d232a;background:#fbfbfa}
header{background:#1d3557;color:#fff;padding:.6rem 1.2rem}header a.home{color:#fff;font-weight:700;text-decoration:none;margin-right:.8rem}
main{max-width:72rem;margin:0 auto;padding:1rem 1.2rem}footer{color:#666;font-size:.85rem;padding:1rem 1.2rem;border-top:1px solid #ddd}
form.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.5rem .8rem;margin-bottom:1rem}
form.filters label{display:flex;flex-direction:column;font-size:.8rem;color:#444}form.filters input,form.filters select{font:inherit;padding:.25rem}
form.filters .text{grid-column:1/-1}form.filters button{justify-self:start;padding:.3rem 1rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e3e3e3;vertical-align:top}
th{font-size:.8rem;color:#555}td.num{text-align:right}.snippet{color:#444;font-size:.9rem;margin:.2rem 0 0}mark{background:#ffe08a}
.error{color:#a40000;font-weight:600}dl{display:grid;grid-template-columns:12rem 1fr;gap:.2rem 1rem}dt{color:#555}
ol.sources li{margin:.4rem 0}.meta{color:#666;font-size:.85rem}
table.evidence th[scope=rowgroup]{vertical-align:top;white-space:nowrap}td.quote{font-size:.9rem;color:#333}`;
