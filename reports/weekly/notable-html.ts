// The notable-incidents table for the HTML page. Twelve columns do not fit a page or a phone, so related
// fields share a cell (who, when, ransom, impact, sources); on narrow screens each row becomes a card.
// Markdown keeps the flat twelve-column table from views.ts: the figures are the same.
import { escapeHtml as e, fmtDate, fmtInt, fmtNum, fmtUsd, sectorLabel } from './format.ts';
import type { NotableRow, ReportJson } from './types.ts';

const line = (cls: string, html: string) => `<span class="${cls}">${html}</span>`;

function who(x: NotableRow): string {
  const meta = [
    x.country ? `${x.country_name} (${x.country})` : 'Country unknown',
    sectorLabel(x.sector),
    x.group ? `group: ${x.group}` : 'no group named',
  ];
  const tag = x.earlier ? ' <span class="tag earlier">earlier</span>' : '';
  return `<strong>${e(x.victim)}</strong>${tag}${line('sub', e(meta.join(' · ')))}`;
}

function ransom(x: NotableRow): string {
  const usd = [
    x.demanded_usd !== null ? `demanded ${fmtUsd(x.demanded_usd)}` : '',
    x.paid_usd !== null ? `paid ${fmtUsd(x.paid_usd)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const written = x.ransom_as_written.map((w) => `<li>${e(w)}</li>`).join('');
  if (!usd && !written) return '—';
  return `${usd ? line('usd', e(`USD: ${usd}`)) : ''}${written ? `<ul class="written" aria-label="As written">${written}</ul>` : ''}`;
}

function impact(x: NotableRow): string {
  const records = x.records === null ? '—' : fmtInt(x.records);
  const downtime = x.downtime_days === null ? '—' : `${fmtNum(x.downtime_days)} d`;
  return `${line('kv', `records ${e(records)}`)}${line('kv', `downtime ${e(downtime)}`)}`;
}

function sources(x: NotableRow): string {
  if (x.sources.length === 0) return '—';
  const items = x.sources.map(
    (s) =>
      `<li>${s.href ? `<a href="${e(s.href)}" rel="noopener noreferrer nofollow">${e(s.label)}</a>` : e(s.label)}</li>`,
  );
  return `<ol class="srcs">${items.join('')}</ol>`;
}

export function notableHtml(r: ReportJson): string {
  const rows = r.tables.notable;
  const topped = rows.some((x) => x.earlier);
  const capped = r.kpis.incidents > rows.filter((x) => !x.earlier).length;
  const which = capped
    ? `the ${fmtInt(rows.length)} of this ${r.period.unit}'s ${fmtInt(r.kpis.incidents)} incidents with the largest reported impact`
    : `every incident of this ${r.period.unit}`;
  const caption = `Notable incidents: ${which}, newest first${
    topped
      ? `; rows marked “earlier” are the latest from before it, listed because the ${r.period.unit} had fewer than 10`
      : ''
  }`;
  const cells: [string, (x: NotableRow) => string][] = [
    ['Victim', who],
    ['Date · status', (x) => `${e(fmtDate(x.date))}${line('sub', e(x.status))}`],
    ['Ransom (USD; as written)', ransom],
    ['Impact', impact],
    ['Sources', sources],
  ];
  const head = cells.map(([label]) => `<th scope="col">${e(label)}</th>`).join('');
  const body = rows.map(
    (x) =>
      `<tr${x.earlier ? ' class="earlier"' : ''}>${cells
        .map(([label, f], i) =>
          i === 0
            ? `<th scope="row" data-label="${e(label)}">${f(x)}</th>`
            : `<td data-label="${e(label)}">${f(x)}</td>`,
        )
        .join('')}</tr>`,
  );
  const empty = rows.length === 0 ? `<tr><td colspan="${cells.length}" class="empty">None this period.</td></tr>` : '';
  return `<table id="notable-table" class="cards"><caption>${e(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>${body.join('\n')}${empty}</tbody></table>`;
}

/** Every source document of the notable incidents, with its headline: the figures' paper trail. */
export function sourceDocsHtml(r: ReportJson): string {
  const items = r.tables.notable
    .filter((x) => x.sources.length > 0)
    .map((x) => {
      const docs = x.sources.map((s) => {
        const outlet = s.href
          ? `<a href="${e(s.href)}" rel="noopener noreferrer nofollow">${e(s.label)}</a>`
          : e(s.label);
        const title = s.title ? `: <cite>${e(s.title)}</cite>` : '';
        return `<li>${outlet}${s.published ? ` (${e(fmtDate(s.published))})` : ''}${title}</li>`;
      });
      return `<li><strong>${e(x.victim)}</strong><ol class="srcs">${docs.join('')}</ol></li>`;
    });
  return items.length ? `<ul class="docs">\n${items.join('\n')}\n</ul>` : '<p class="empty">None.</p>';
}
