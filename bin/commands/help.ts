// The examples each command's --help ends with: one place, so they stay consistent with the README.
import type { Command } from 'commander';

const EXAMPLES: Record<string, string[]> = {
  run: ['triage run --demo', 'triage run --sources data/sources.yaml --out out --json'],
  watch: ['triage watch --sources data/sources.yaml --out out', 'triage watch --demo --max-cycles 3'],
  ingest: ['triage ingest --sources data/sources.yaml', 'triage ingest --dir ./articles --no-analyze --json'],
  analyze: ['triage analyze', 'triage analyze --reextract --json'],
  report: ['triage report --quarter 2022-Q4 --format md', 'triage report --week 2022-W47 --format pdf --out w47.pdf'],
  query: [
    'triage query --country India --type ransomware',
    'triage query --text "crore cryptocurrency" --since 2022-01-01',
    'triage query --actor lockbit --csv > lockbit.csv',
    'triage query --victim aiims --json',
  ],
  show: ['triage show AIIMS', 'triage show inc_0123abcd --json'],
  export: ['triage export --format csv --out out/export', 'triage export --format stix --since 2022-01-01 --json'],
  serve: ['triage serve', 'triage serve --port 0'],
  clean: ['triage clean page.html report.pdf'],
  extract: ['triage extract article.txt --published 2022-11-23'],
  incidents: ['triage incidents --json | head -40'],
  sources: ['triage sources status', 'triage sources check --json'],
  status: ['triage sources status --json'],
  check: ['triage sources check --sources data/sources.yaml'],
};

/** Ends the --help of every command that has examples with them. */
export function addExamples(program: Command): void {
  const all = [...program.commands, ...program.commands.flatMap((c) => c.commands)];
  for (const cmd of all) {
    const lines = EXAMPLES[cmd.name()];
    if (lines) cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}`);
  }
}
