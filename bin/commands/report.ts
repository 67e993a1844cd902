import type { Command } from 'commander';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildPeriodReport, choosePeriod } from '../../pipeline/report.ts';
import { writeAtomic } from '../../pipeline/run.ts';
import { ConfigError } from '../../core/errors.ts';
import { ctxOf, withStore } from './context.ts';

interface ReportOpts { week?: string; month?: string; format: 'html' | 'md' | 'json' | 'pdf'; out?: string }

export async function reportCommand(opts: ReportOpts, cmd: Command): Promise<void> {
  const ctx = ctxOf(cmd);
  if (opts.format === 'pdf') throw new ConfigError('--format pdf is not available yet (needs headless Chromium); use html and print it');
  const built = await withStore(ctx, async (store) => buildPeriodReport(store, await choosePeriod(store, ctx.clock, opts)), { readOnly: true });
  const body = opts.format === 'html' ? built.html : opts.format === 'md' ? built.markdown : `${JSON.stringify(built.json, null, 2)}\n`;
  if (!opts.out) { process.stdout.write(body); return; }
  await mkdir(dirname(opts.out), { recursive: true });
  await writeAtomic(opts.out, body);
  ctx.log.info(`report ${built.period.id}: ${opts.out}`);
}
