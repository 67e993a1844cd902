// A Table (views.ts) as an HTML table: every cell escaped, links only for http(s) URLs made safe upstream.
import { escapeHtml as e } from './format.ts';
import type { Cell, Table } from './views.ts';

function cell(x: Cell): string {
  const links = (x.links ?? []).map((l) =>
    l.href ? `<a href="${e(l.href)}" rel="noopener noreferrer nofollow">${e(l.label)}</a>` : e(l.label),
  );
  const tag = x.tag ? ` <span class="tag${x.tag === 'earlier' ? ' earlier' : ''}">${e(x.tag)}</span>` : '';
  return `${e(x.text)}${links.join(', ')}${tag}`;
}

export function tableHtml(t: Table): string {
  const head = t.columns
    .map((col) => `<th scope="col"${col.numeric ? ' class="num"' : ''}>${e(col.label)}</th>`)
    .join('');
  const body = t.rows
    .map((row, i) => {
      const cls = t.rowTags?.[i] ? ` class="${e(t.rowTags[i]!)}"` : '';
      const tds = row
        .map((x, j) =>
          j === 0
            ? `<th scope="row">${cell(x)}</th>`
            : `<td${t.columns[j]?.numeric ? ' class="num"' : ''}>${cell(x)}</td>`,
        )
        .join('');
      return `<tr${cls}>${tds}</tr>`;
    })
    .join('\n');
  const empty =
    t.rows.length === 0 ? `<tr><td colspan="${t.columns.length}" class="empty">None this period.</td></tr>` : '';
  const narrow = t.columns.length <= 3 ? ' class="narrow"' : '';
  return `<div class="scroll"><table id="${e(t.id)}"${narrow}><caption>${e(t.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>${body}${empty}</tbody></table></div>`;
}
