// Opens a report in real headless Chromium (reports/weekly/browser.ts) and reports what a reader would
// meet: console errors, dialogs, drawn marks per chart, visible text, page width; writes screenshots.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser } from '../../reports/weekly/browser.ts';

/** Screenshots stay after the run (they are for people to look at): one folder under the OS temp dir. */
export const SHOT_DIR = join(tmpdir(), 'triage-report-screenshots');

export interface PageCheck {
  errors: string[];
  dialogs: string[];
  marks: Record<string, number>;
  text: string;
  scrollWidth: number;
  shots: string[];
  /** map shapes filled with a colour of the scale (countries hit), not the base grey */
  filled: number;
}

// Data marks only: Plot labels each mark group (bar, dot, …); axes and grids do not count as drawn data.
const MARKS = `Object.fromEntries([...document.querySelectorAll('figure[id^="chart-"]')].map((f) => [f.id,
  f.querySelectorAll('svg.triage-plot g[aria-label="bar"] rect, svg.triage-plot g[aria-label="dot"] circle, '
    + 'svg.triage-plot g[aria-label="dot"] path, svg.triage-plot g[aria-label="rule"] line, '
    + 'svg.triage-plot g[aria-label="geo"] path').length]))`;
const FILLED = `[...document.querySelectorAll('#chart-map svg.triage-plot g[aria-label="geo"] path')]
  .filter((p) => { const f = p.getAttribute('fill') || p.parentElement.getAttribute('fill');
    return f && f !== 'none' && f !== '#eef1f4'; }).length`;

export async function checkPage(htmlFile: string, name: string, widths: number[] = [1024, 390]): Promise<PageCheck> {
  mkdirSync(SHOT_DIR, { recursive: true });
  const browser = await Browser.launch();
  const out: PageCheck = { errors: [], dialogs: [], marks: {}, text: '', scrollWidth: 0, shots: [], filled: 0 };
  try {
    for (const width of widths) {
      const page = await browser.newPage();
      page.on((e) => {
        const p = e.params as Record<string, any>;
        if (e.method === 'Runtime.exceptionThrown') out.errors.push(String(p.exceptionDetails?.text));
        if (e.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert'))
          out.errors.push(JSON.stringify(p.args));
        if (e.method === 'Log.entryAdded' && p.entry?.level === 'error') out.errors.push(String(p.entry.text));
        if (e.method === 'Page.javascriptDialogOpening') {
          out.dialogs.push(String(p.message));
          void page.send('Page.handleJavaScriptDialog', { accept: false }).catch(() => undefined);
        }
      });
      await page.send('Log.enable');
      await page.setViewport(width, 900, width < 600);
      await page.goto(pathToFileURL(htmlFile).href);
      if (width === widths[0]) {
        out.marks = await page.evaluate<Record<string, number>>(MARKS);
        out.text = await page.evaluate<string>('document.body.innerText');
        out.filled = await page.evaluate<number>(FILLED);
      } else {
        out.scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
      }
      const shot = join(SHOT_DIR, `${name}-${width}px.png`);
      writeFileSync(shot, await page.screenshot());
      out.shots.push(shot);
    }
  } finally {
    await browser.close();
  }
  return out;
}
