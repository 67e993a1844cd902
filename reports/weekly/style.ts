// Inline stylesheet: the page must render with no external requests, on a phone and on paper.
export const CSS = `
:root{--fg:#1b1f24;--muted:#5b6570;--line:#d8dde3;--accent:#2e6fb7;--warn:#c0392b;--bg:#fff}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:960px;margin:0 auto;padding:16px}
h1{font-size:1.6rem;margin:.2em 0}
h2{font-size:1.25rem;margin:1.6em 0 .5em;border-bottom:2px solid var(--line);padding-bottom:.2em}
.meta{color:var(--muted);font-size:.9rem}
.meta ul{margin:.2em 0;padding-left:1.2em}
.findings li{margin:.3em 0}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:0;padding:0}
.kpi{border:1px solid var(--line);border-radius:6px;padding:10px}
.kpi dt{font-size:.8rem;color:var(--muted)}
.kpi dd{margin:0;font-size:1.35rem;font-weight:600}
.kpi .sub{display:block;font-size:.78rem;font-weight:400;color:var(--muted)}
figure{margin:1em 0}
figcaption{font-weight:600;margin-bottom:.4em}
figure svg{max-width:100%;height:auto}
.empty{color:var(--muted);font-style:italic}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.88rem;margin:.5em 0}
caption{text-align:left;font-weight:600;padding:.3em 0}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f5f7}
tbody th{background:none;font-weight:600}
table.narrow{width:auto;min-width:50%}
.findings .ref{font-size:.8rem;white-space:nowrap}
.cards .sub,.cards .usd,.cards .kv{display:block;font-size:.8rem;color:var(--muted);font-weight:400}
.cards .usd{color:var(--fg)}
.cards ul.written,.cards ol.srcs{margin:.15em 0 0;padding-left:1.2em;font-size:.8rem}
.cards ol.srcs{padding-left:1.4em}
.cards td,.cards th{overflow-wrap:anywhere}
.cards th[scope=row]{min-width:11em}
.docs{font-size:.85rem;padding-left:1.2em}.docs>li{margin:.4em 0}.docs cite{font-style:normal;color:var(--muted)}
.docs ol.srcs{margin:.1em 0 0;padding-left:1.6em}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.tag{display:inline-block;font-size:.72rem;padding:0 5px;border-radius:3px;background:#fde8e6;color:var(--warn);font-weight:600}
.tag.earlier{background:#eef1f4;color:var(--muted)}
tr.earlier td{color:var(--muted)}
a{color:var(--accent)}
.tlp{display:inline-block;font-weight:700;font-size:.8rem;letter-spacing:.04em;padding:1px 8px;border-radius:3px;background:#000;color:#fff;margin:0}
.cover{display:none}
.chosen{font-style:italic}
.summary li{margin:.35em 0}
.summary .ref,.recs .sub{font-size:.8em}
.actors{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:10px}
.actor{border:1px solid var(--line);border-radius:6px;padding:8px 10px;break-inside:avoid}
.actor h3{margin:0 0 .3em;font-size:1.05rem}
.actor dl{margin:0;display:grid;grid-template-columns:8.5em 1fr;gap:2px 8px;font-size:.82rem}
.actor dt{color:var(--muted)}.actor dd{margin:0;overflow-wrap:anywhere}
.heat{display:inline-block;margin:2px;padding:2px 6px;border-radius:3px;font-size:.8rem;border:1px solid var(--line)}
.heat.h0{background:#fff}.heat.h1{background:#dbe7f5}.heat.h2{background:#a9c4e6}.heat.h3{background:#5b8fd0;color:#fff}
.heat.h4{background:#1f4e8c;color:#fff}
.quotes{margin:0;padding-left:1.1em;font-size:.82rem}.quotes li{margin:.15em 0}.quotes .sub{color:var(--muted)}
.evidence td,.evidence th{overflow-wrap:anywhere}
.note{font-size:.85rem;background:#fff8e1;border-left:3px solid #e6a700;padding:4px 8px}
.recs li{margin:.5em 0}
@media (min-width:820px){.geo{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:16px;align-items:start}}
th .sub{display:block;font-weight:400;font-size:.78rem;color:var(--muted)}
details summary{cursor:pointer;color:var(--muted)}
@media (max-width:600px){
  body{font-size:14px}main{padding:10px}.kpi dd{font-size:1.1rem}
  .kpis{grid-template-columns:1fr 1fr}
  table.narrow{width:100%}
  .chart{overflow-x:auto;-webkit-overflow-scrolling:touch}
  table.evidence thead{display:none}
  table.evidence,.evidence tbody,.evidence tr,.evidence th,.evidence td{display:block;width:100%}
  .evidence tr{border-bottom:1px solid var(--line);padding:4px 0}.evidence th,.evidence td{border:0}
  .evidence td.num{display:inline-block;width:auto;margin-right:1em;text-align:left}
  .evidence td.num::before{content:attr(data-label) ": ";color:var(--muted)}
  .chart svg.triage-plot{min-width:480px}
  .cards thead{display:none}
  .cards caption{display:block;width:100%}
  .cards,.cards tbody,.cards tr,.cards th,.cards td{display:block;width:100%}
  .cards tr{border:1px solid var(--line);border-radius:6px;margin:0 0 10px;padding:6px 8px}
  .cards th,.cards td{border:0;padding:2px 0}
  .cards td::before{content:attr(data-label);display:block;font-size:.72rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
}
@media print{
  @page{size:A4}
  body{font-size:11px}main{max-width:none;padding:0}
  .cover{display:flex;flex-direction:column;justify-content:center;min-height:9.5in;break-after:page;text-align:center}
  .cover h1{font-size:2rem}
  figure,.chart,svg,.actor,tr{break-inside:avoid}
  a{color:inherit;text-decoration:none}
  figure,table,.kpi{break-inside:avoid}
  h2{break-after:avoid}
  details{display:block}details>*{display:block}
  .scroll{overflow:visible}
}
`;
