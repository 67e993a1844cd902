// HTML of the threat-intelligence sections: the executive summary, actor profiles, techniques (heat table and
// evidence), indicators, data exposed, the regulator view and recommendations. Every string is escaped.
import { escapeHtml as e, fmtDate, fmtInt, fmtUsd } from './format.ts';
import { tableHtml } from './html-table.ts';
import { indicatorsTable, regulatorTable } from './intel-views.ts';
import type { Quote, ReportJson, SourceLink } from './types.ts';

const link = (s: SourceLink) =>
  s.href ? `<a href="${e(s.href)}" rel="noopener noreferrer nofollow">${e(s.label)}</a>` : e(s.label);
const quotes = (qs: Quote[]) =>
  `<ul class="quotes">${qs.map((q) => `<li><q>${e(q.quote)}</q> <span class="sub">${e(q.victim)} · ${link(q.source)}</span></li>`).join('')}</ul>`;
const usd = (r: { min: number; max: number; n: number } | null) =>
  r === null
    ? '—'
    : r.min === r.max
      ? `${fmtUsd(r.min)} (n = ${r.n})`
      : `${fmtUsd(r.min)} – ${fmtUsd(r.max)} (n = ${r.n})`;

export function summaryHtml(r: ReportJson): string {
  const items = r.summary.map((s) => `<li>${e(s.text)} <a class="ref" href="#h-${e(s.section)}">details</a></li>`);
  return `<ol class="summary">\n${items.join('\n')}\n</ol>`;
}

export function actorsHtml(r: ReportJson): string {
  if (r.tables.actors.length === 0)
    return `<p class="empty">No group was named for this ${e(r.period.unit)}'s incidents.</p>`;
  const cards = r.tables.actors.map((a) => {
    const rows: [string, string][] = [
      ['Incidents', `${fmtInt(a.incidents)} this ${r.period.unit} · ${fmtInt(a.window_incidents)} in the window`],
      ['First / last seen', `${fmtDate(a.first_seen)} / ${fmtDate(a.last_seen)}`],
      ['Aliases', a.aliases.join(', ') || '—'],
      ['Victims this period', a.victims.join('; ')],
      ['Countries hit', a.countries.join(', ')],
      ['Sub-sectors hit', a.sectors.join(', ')],
      ['Demanded (USD, undisputed)', usd(a.demanded_usd)],
      ['Paid (USD, undisputed)', usd(a.paid_usd)],
      ['Techniques seen', a.techniques.join(', ') || '—'],
    ];
    const dl = rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('');
    const tag = a.is_new ? ' <span class="tag">new</span>' : '';
    return `<article class="actor"><h3>${e(a.name)}${tag}</h3><dl>${dl}</dl></article>`;
  });
  return `<div class="actors">\n${cards.join('\n')}\n</div>`;
}

/** The heat table: tactics as rows, each technique a cell shaded by its count this period. */
function heatHtml(r: ReportJson): string {
  const heat = r.tables.heat;
  if (heat.length === 0) return '';
  const max = Math.max(1, ...heat.map((h) => h.incidents));
  const tactics = [...new Set(heat.map((h) => h.tactic))];
  const rows = tactics.map((t) => {
    const cells = heat
      .filter((h) => h.tactic === t)
      .map((h) => {
        const level = h.incidents === 0 ? 0 : Math.ceil((4 * h.incidents) / max);
        return `<span class="heat h${level}" title="${e(h.name)}">${e(h.technique)} ${e(h.name)} <b>${fmtInt(h.incidents)}</b>/${fmtInt(h.window_incidents)}</span>`;
      })
      .join('');
    return `<tr><th scope="row">${e(t)}</th><td>${cells}</td></tr>`;
  });
  return `<div class="scroll"><table id="heat-table"><caption>${e(`Techniques by ATT&CK tactic: incidents this ${r.period.unit} (bold) / in the window; darker = more this ${r.period.unit}`)}</caption>
<thead><tr><th scope="col">Tactic</th><th scope="col">Techniques</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>`;
}

export function techniquesHtml(r: ReportJson): string {
  const t = r.tables.techniques;
  if (t.length === 0) return '<p class="empty">No technique was described in this period\'s articles.</p>';
  const rows = t.map(
    (x) =>
      `<tr><th scope="row">${e(x.id)} ${e(x.name)}<span class="sub">${e(x.tactics.join(', '))}</span></th><td class="num" data-label="This ${e(r.period.unit)}">${fmtInt(x.incidents)}</td><td class="num" data-label="Window">${fmtInt(x.window_incidents)}</td><td>${quotes(x.evidence)}</td></tr>`,
  );
  return `${heatHtml(r)}
<div class="scroll"><table id="techniques-table" class="evidence"><caption>${e(`ATT&CK techniques the articles describe, with their words (incidents this ${r.period.unit} and in the window)`)}</caption>
<thead><tr><th scope="col">Technique</th><th scope="col" class="num">This ${e(r.period.unit)}</th><th scope="col" class="num">Window</th><th scope="col">Evidence</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>`;
}

export function dataHtml(r: ReportJson): string {
  const d = r.tables.data_exposed;
  if (d.length === 0) return '<p class="empty">No article said what kind of data was exposed.</p>';
  const rows = d.map(
    (x) =>
      `<tr><th scope="row">${e(x.label)}</th><td class="num" data-label="This ${e(r.period.unit)}">${fmtInt(x.incidents)}</td><td class="num" data-label="Window">${fmtInt(x.window_incidents)}</td><td>${quotes(x.evidence)}</td></tr>`,
  );
  return `<div class="scroll"><table id="data-table" class="evidence"><caption>Kinds of data the articles say were exposed (an incident counts once per kind)</caption>
<thead><tr><th scope="col">Data</th><th scope="col" class="num">This ${e(r.period.unit)}</th><th scope="col" class="num">Window</th><th scope="col">Evidence</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>`;
}

export function indicatorsHtml(r: ReportJson): string {
  return `<p class="note">As reported: these come from the articles and have not been verified by Triage. Do not block or hunt on them without checking a primary source.</p>\n${tableHtml(indicatorsTable(r))}`;
}

export function regulatorHtml(r: ReportJson): string {
  return tableHtml(regulatorTable(r));
}

export function recommendationsHtml(r: ReportJson): string {
  const recs = r.tables.recommendations;
  if (recs.length === 0)
    return '<p class="empty">No technique was seen this period, so there is nothing specific to advise.</p>';
  const items = recs.map(
    (x) =>
      `<li><strong>${e(x.name)}</strong> <span class="sub">(${e(x.id)}; against ${e(x.techniques.join(', '))}; ${fmtInt(x.incidents)} incidents this ${e(r.period.unit)})</span><br>${e(x.advice)}</li>`,
  );
  return `<ol class="recs">\n${items.join('\n')}\n</ol>`;
}
