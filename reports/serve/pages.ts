// The two pages of the search site: a filter form with ranked results, and an incident with its sources.
import { ATTACK_TYPES, SECTORS } from '../../core/records.ts';
import type { IncidentFilters, IncidentHit } from '../query/incidents.ts';
import { esc, highlighted, link, page } from './html.ts';
import { valueText, type IncidentEvidence } from '../query/evidence.ts';

/** Form field name → filter. Values come back into the form escaped. */
export const FIELDS = [
  'text',
  'victim',
  'country',
  'actor',
  'type',
  'sector',
  'since',
  'until',
  'min_ransom_usd',
] as const;
export type Form = Partial<Record<(typeof FIELDS)[number], string>>;

const input = (name: keyof Form, label: string, form: Form, extra = '') =>
  `<label>${esc(label)}<input name="${name}" value="${esc(form[name] ?? '')}" ${extra}></label>`;

const select = (name: keyof Form, label: string, form: Form, options: readonly string[]) =>
  `<label>${esc(label)}<select name="${name}"><option value="">any</option>${options
    .map((o) => `<option${form[name] === o ? ' selected' : ''}>${esc(o)}</option>`)
    .join('')}</select></label>`;

function filtersForm(form: Form): string {
  return `<form class="filters" method="get" action="/" role="search">
<label class="text">Words in the articles<input name="text" type="search" value="${esc(form.text ?? '')}" placeholder="e.g. crore cryptocurrency"></label>
${input('victim', 'Victim', form)}${input('country', 'Country (ISO code)', form, 'maxlength="2" size="2"')}${input('actor', 'Group', form)}
${select('type', 'Attack type', form, ATTACK_TYPES)}${select('sector', 'Sector', form, SECTORS)}
${input('since', 'Since', form, 'type="date"')}${input('until', 'Until', form, 'type="date"')}${input('min_ransom_usd', 'Ransom at least (USD)', form, 'inputmode="numeric"')}
<button type="submit">Search</button>
</form>`;
}

const date = (i: IncidentHit) => i.attack_date ?? i.first_reported ?? '';
const usd = (n: number | null) => (n === null ? '' : `$${Math.round(n).toLocaleString('en-US')}`);

export function searchPage(form: Form, hits: IncidentHit[], error: string | null): string {
  const q = form.text ? `?text=${encodeURIComponent(form.text)}` : '';
  const rows = hits
    .map(
      (i) => `<tr>
<td>${esc(date(i))}</td>
<td><a class="incident" href="/incident/${encodeURIComponent(i.incident_id)}${q}">${esc(i.victim)}</a>
${(i.snippets ?? [])
  .slice(0, 1)
  .map((s) => `<p class="snippet">${highlighted(s.text, s.highlights)}</p>`)
  .join('')}</td>
<td>${esc(i.country ?? '')}</td><td>${esc(i.sector)}</td><td>${esc(i.actor ?? '')}</td><td>${esc(i.status)}</td>
<td class="num">${esc(usd(i.ransom_demanded_usd))}</td><td class="num">${i.sources.length}</td></tr>`,
    )
    .join('\n');
  const body = `${filtersForm(form)}
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<p class="meta">${hits.length} incident${hits.length === 1 ? '' : 's'}${form.text ? ', best match first' : ', latest first'}</p>
<table class="results"><thead><tr><th>date</th><th>victim</th><th>country</th><th>sector</th><th>group</th><th>status</th><th>ransom demanded</th><th>sources</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
  return page(form.text ? `“${form.text}”` : 'Search', body);
}

/** Every field's reported values with outlet, date, quote and link; every string escaped. */
function evidenceSection(evidence: IncidentEvidence): string {
  const fields = Object.entries(evidence).filter(([, list]) => list.length > 0);
  if (!fields.length) return '';
  const rows = fields
    .map(([field, list]) =>
      list
        .map((e, k) => {
          const marks = [e.superseded && 'older version', e.shared && 'names several victims', e.duplicate_of && 'copy']
            .filter(Boolean)
            .join(', ');
          const quote = e.sentence ?? e.quote;
          return `<tr>${k === 0 ? `<th scope="rowgroup" rowspan="${list.length}">${esc(field.replace(/_/g, ' '))}</th>` : ''}
<td>${esc(valueText(field, e.value))}${marks ? ` <span class="meta">(${esc(marks)})</span>` : ''}</td>
<td>${link(e.link, e.outlet ?? e.title ?? e.link ?? e.doc_id)}</td><td>${esc(e.published ?? '')}</td>
<td class="quote">${quote ? `“${esc(quote)}”` : ''}${e.page ? ` <span class="page">(p. ${esc(String(e.page))})</span>` : ''}</td></tr>`;
        })
        .join('\n'),
    )
    .join('\n');
  return `<h2>Evidence by field</h2>
<table class="evidence"><thead><tr><th>field</th><th>value</th><th>outlet</th><th>published</th><th>quote</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

export function incidentPage(i: IncidentHit, evidence: IncidentEvidence = {}): string {
  const fields: [string, string][] = [
    ['country', i.country ?? ''],
    ['sector', i.sector],
    ['group', i.actor ?? ''],
    ['attack types', i.attack_types.join(', ')],
    ['attack date', i.attack_date ?? ''],
    ['first reported', i.first_reported ?? ''],
    ['status', i.status],
    ['ransom demanded', usd(i.ransom_demanded_usd)],
    ['ransom paid', usd(i.ransom_paid_usd)],
    ['records affected', i.records_affected?.toLocaleString('en-US') ?? ''],
    ['downtime (days)', i.downtime_days?.toString() ?? ''],
  ];
  const snippets = new Map((i.snippets ?? []).map((s) => [s.doc_id, s]));
  const sources = i.sources
    .map((s) => {
      const sn = snippets.get(s.doc_id);
      return `<li class="source">${link(s.url, s.title ?? s.url ?? s.file ?? s.doc_id)}
<div class="meta">${esc(s.outlet ?? '')}${s.published ? ` · ${esc(s.published)}` : ''}</div>
${sn ? `<p class="snippet">${highlighted(sn.text, sn.highlights)}</p>` : ''}</li>`;
    })
    .join('\n');
  const claims = i.ransom
    .map(
      (r) => `<tr><td>${esc(r.kind)}</td><td>${esc(r.as_written)}</td><td class="num">${esc(usd(r.usd))}</td>
<td>${r.disputed ? 'disputed' : r.hedged ? 'hedged' : ''}</td><td>${esc(r.published ?? '')}</td><td>${esc(r.quote)}${r.page ? ` <span class="page">(p. ${esc(String(r.page))})</span>` : ''}</td></tr>`,
    )
    .join('\n');
  const body = `<h1>${esc(i.victim)}</h1>
<dl>${fields
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
    .join('')}</dl>
<h2>Sources (${i.sources.length})</h2>
<ol class="sources">
${sources}
</ol>
${evidenceSection(evidence)}
${claims ? `<h2>Ransom claims</h2><table><thead><tr><th>kind</th><th>as written</th><th>USD</th><th></th><th>published</th><th>quote</th></tr></thead><tbody>${claims}</tbody></table>` : ''}
<p class="meta">incident ${esc(i.incident_id)}</p>`;
  return page(i.victim, body);
}

export function notFoundPage(what: string): string {
  return page('Not found', `<p class="error">${esc(what)}</p><p><a href="/">Back to the search</a></p>`);
}

/** Form values → query filters (the query module validates them). */
export function filtersOf(form: Form): IncidentFilters {
  const v = (k: keyof Form) => (form[k]?.trim() ? form[k]!.trim() : undefined);
  const min = v('min_ransom_usd');
  return {
    text: v('text'),
    victim: v('victim'),
    country: v('country'),
    actor: v('actor'),
    type: v('type'),
    sector: v('sector'),
    since: v('since'),
    until: v('until'),
    minRansomUsd: min === undefined ? undefined : Number(min.replace(/[,_\s$]/g, '')),
    limit: 100,
  };
}
