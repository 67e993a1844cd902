import type { Command } from 'commander';
import { findIncident, showText } from '../../reports/query/show.ts';
import { ctxOf, emit, withStore } from './context.ts';

export async function showCommand(arg: string, opts: { json?: boolean }, cmd: Command): Promise<void> {
  const ctx = ctxOf(cmd);
  await withStore(
    ctx,
    async (store) => {
      const shown = await findIncident(store, arg);
      emit(opts.json ? JSON.stringify(shown, null, 2) : showText(shown));
    },
    { readOnly: true },
  );
}
