// The `triage` command line: parses flags, wires the real effects, maps errors to exit codes. Nothing else.
import { Command, CommanderError, Option } from 'commander';
import { EXIT, describe, exitCodeFor } from '../core/errors.ts';
import { errLine, errText, guardStdio } from './stdio.ts';
import { lazy } from './commands/lazy.ts';
import { addExamples } from './commands/help.ts';
import { ATTACK_TYPES, SECTORS } from '../core/records.ts';
import { TRIAGE_VERSION } from '../core/version.ts';
import { defaultYamlCache, setYamlCache } from '../core/yaml.ts';

// Each command's module loads when it runs (lazy.ts): a quick refusal stays quick.
const stages = () => import('./commands/stages.ts');
const data = () => import('./commands/data.ts');
const files = () => import('./commands/files.ts');
const runCommand = lazy(() => import('./commands/run.ts'), 'runCommand');
const ingestCommand = lazy(stages, 'ingestCommand');
const analyzeCommand = lazy(() => import('./commands/analyze.ts'), 'analyzeCommand');
const reportCommand = lazy(() => import('./commands/report.ts'), 'reportCommand');
const queryCommand = lazy(data, 'queryCommand');
const incidentsCommand = lazy(data, 'incidentsCommand');
const exportCommand = lazy(data, 'exportCommand');
const sourcesStatusCommand = lazy(data, 'sourcesStatusCommand');
const serveCommand = lazy(data, 'serveCommand');
const sourcesCheckCommand = lazy(() => import('./commands/sources-check.ts'), 'sourcesCheckCommand');
const cleanCommand = lazy(files, 'cleanCommand');
const watchCommand = lazy(() => import('./commands/watch.ts'), 'watchCommand');
const showCommand = lazy(() => import('./commands/show.ts'), 'showCommand');
const extractCommand = lazy(files, 'extractCommand');

// Reference YAML is parsed once per machine, not by every thread of every run (core/yaml.ts); workers get the folder.
setYamlCache(defaultYamlCache());

// `triage … | head` ends quietly, `> /dev/full` with one line and exit 4; stderr lines are cleaned (bin/stdio.ts).
guardStdio();

const program = new Command('triage')
  .description('Turns news about cyberattacks on healthcare organisations into an incident dataset and weekly reports.')
  .version(TRIAGE_VERSION)
  .addOption(new Option('--db <path>', 'DuckDB file').env('TRIAGE_DB').default('data/triage.duckdb'))
  .option('-v, --verbose', 'more log lines on stderr')
  .option('-q, --quiet', 'only warnings and errors on stderr')
  .configureOutput({ writeErr: errText })
  .showHelpAfterError()
  .addHelpText(
    'after',
    `
Exit codes: 0 ok, 1 internal error, 2 usage or configuration error, 3 partial success (some inputs failed),
4 the output could not be written (disk full), 5 no source could be reached (is the network down?).
A closed pipe (\`| head\`) ends quietly with the code so far.
Data goes to stdout, logs and progress to stderr.`,
  );

program
  .command('run')
  .description('run the whole pipeline: ingest → clean → analyze → store → report')
  .option('--demo', 'serve the bundled demo corpus on 127.0.0.1 and ingest it over real HTTP')
  .option('--sources <file>', 'sources catalogue (YAML)')
  .option('--out <dir>', 'folder for the reports', 'out')
  .option('--json', 'a JSON summary of the run on stdout (stage counts, report paths, exit code)')
  .action(runCommand);

program
  .command('watch')
  .description(
    'keep polling: each source when its interval is due, then analyze, report and alerts; one line per cycle; ' +
      'SIGINT/SIGTERM stops it between items',
  )
  .option('--sources <file>', 'sources catalogue (YAML; default data/sources.yaml)')
  .option('--out <dir>', 'folder for the reports and alert feeds', 'out')
  .option('--demo', 'serve the bundled demo corpus on 127.0.0.1 and watch it')
  .option('--max-cycles <n>', 'stop after this many cycles (default: until stopped)')
  .action(watchCommand);

program
  .command('ingest')
  .description('poll the sources catalogue (or read a folder of files), fetch, clean and store articles')
  .option('--sources <file>', 'sources catalogue (YAML)', 'data/sources.yaml')
  .option('--dir <dir>', 'ingest local .html, .htm, .html.gz and .txt files instead of polling sources')
  .option('--no-analyze', 'store documents only; do not extract and resolve afterwards')
  .option(
    '--delay <ms>',
    'pause between two requests to the same host (default 1000; a robots.txt Crawl-delay can raise it)',
  )
  .option('--workers <n>', 'threads for cleaning and extraction (default: one per core; 0: none)')
  .option('--json', 'a JSON summary (ingest and analyze counts) on stdout')
  .action(ingestCommand);

program
  .command('analyze')
  .description('extract facts from stored documents and resolve them into incidents')
  .option('--reextract', 'extract again even when the current extractor already read a document')
  .option('--full', 'recompute every document signature and near-duplicate pair and re-resolve from scratch')
  .option('--workers <n>', 'threads for extraction (default: one per core; 0: none)')
  .option('--json', 'a JSON summary of the counts on stdout')
  .action(analyzeCommand);

program
  .command('report')
  .description('weekly (or monthly) trend report')
  .option(
    '--week <YYYY-Www>',
    'ISO week, e.g. 2022-W47 (default: the latest complete week, else month, else quarter with 5+ incidents)',
  )
  .option('--month <YYYY-MM>', 'calendar month instead of a week')
  .option('--quarter <YYYY-Qn>', 'calendar quarter, e.g. 2022-Q4')
  .option('--from <YYYY-MM-DD>', 'first day of a custom period (with --to)')
  .option('--to <YYYY-MM-DD>', 'last day of a custom period (with --from)')
  .option('--tlp <label>', 'Traffic Light Protocol marking: CLEAR, GREEN, AMBER, AMBER+STRICT or RED', 'CLEAR')
  .addOption(new Option('--format <fmt>', 'output format').choices(['html', 'md', 'json', 'pdf']).default('html'))
  .option('--out <path>', 'write to this file instead of stdout (required for pdf); an existing file needs --force')
  .option('--force', 'replace the --out file if it exists')
  .action(reportCommand);

program
  .command('query')
  .description('find incidents by filters, or run read-only SQL')
  .option('--victim <text>', 'victim name (fuzzy)')
  .option('--country <CC>', 'ISO 3166-1 alpha-2 country code or country name (IN, India)')
  .option('--actor <name>', 'ransomware or extortion group (aliases understood)')
  .option('--type <type>', `attack type: ${ATTACK_TYPES.join(', ')}`)
  .option('--sector <sector>', `victim sector: ${SECTORS.join(', ')}`)
  .option('--since <date>', 'incidents on or after this date')
  .option('--until <date>', 'incidents on or before this date')
  .option('--min-ransom-usd <n>', 'minimum demanded ransom in USD')
  .option('--text <words>', 'words in the articles')
  .option('--limit <n>', 'at most this many incidents (default 50), or rows of --sql (default 10000)')
  .option('--json', 'JSON array on stdout')
  .option('--csv', 'CSV on stdout')
  .option('--sql <query>', 'one query on a sandboxed read-only connection (no files, network or settings)')
  .action(queryCommand);

program
  .command('show')
  .description('one incident whole: every field with its values, each with outlet, date, quote and link')
  .argument('<id-or-victim>', 'incident ID (inc_…), victim name or acronym')
  .option('--json', 'JSON on stdout: incident, evidence (field → values with their sources), others')
  .action(showCommand);

program
  .command('export')
  .description('write the dataset for researchers')
  .addOption(
    new Option('--format <fmt>', 'export format').choices(['csv', 'jsonl', 'parquet', 'stix']).makeOptionMandatory(),
  )
  .option('--out <dir>', 'output folder', 'out/export')
  .option('--since <date>', 'incidents on or after this date')
  .option('--until <date>', 'incidents on or before this date')
  .option(
    '--tlp <label>',
    'stix: TLP marking of every object: CLEAR (default; TLP:WHITE in STIX 2.1), GREEN, AMBER, RED',
  )
  .option('--json', 'a JSON summary (folder, row counts) on stdout')
  .action(exportCommand);

program
  .command('serve')
  .description('a local search page for journalists: filters, full text, incidents with their sources (read-only)')
  .option('--port <n>', 'TCP port (0: any free port)', '8080')
  .option('--host <addr>', 'address to listen on', '127.0.0.1')
  .option('--out <dir>', 'folder of the alert feeds to serve as /alerts.atom and /alerts.json', 'out')
  .action(serveCommand);

program
  .command('clean')
  .description('print the cleaned article text and metadata of HTML or PDF files')
  .argument('<files...>', '.html, .htm, .html.gz or .pdf files')
  .option('--jsonl', 'one JSON object per line (the default)')
  .action(cleanCommand);

program
  .command('extract')
  .description('print the incident facts, with evidence, found in article files')
  .argument('<files...>', '.html (cleaned first) or .txt files')
  .option('--published <YYYY-MM-DD>', 'publication date when the file does not give one')
  .option('--jsonl', 'one JSON object per line (the default)')
  .action(extractCommand);

program
  .command('incidents')
  .description('list every incident with its fields and sources')
  .option('--json', 'JSON array on stdout')
  .action(incidentsCommand);

const sources = program.command('sources').description('the sources catalogue and its health');
sources
  .command('status')
  .description('every source with last success, last error and its reason, items in the last run, consecutive failures')
  .option('--json', 'JSON array on stdout')
  .action(sourcesStatusCommand);
sources
  .command('check')
  .description(
    'fetch each enabled source once (robots.txt, address guard) and print its status, content type, item count and newest item date',
  )
  .option('--sources <file>', 'sources catalogue (YAML)', 'data/sources.yaml')
  .option('--delay <ms>', 'pause between two requests to the same host (default 1000)')
  .option('--json', 'JSON array on stdout')
  .action(sourcesCheckCommand);

addExamples(program);

// Commander's own exits (help, version, bad flags) come back as errors so exit codes are decided here.
for (const cmd of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) cmd.exitOverride();

try {
  await program.parseAsync(process.argv);
  process.exitCode ??= EXIT.ok;
} catch (err) {
  if (err instanceof CommanderError) {
    // help and version are successes; everything else commander rejects is a usage error
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    process.exit();
  }
  const code = exitCodeFor(err);
  errLine(`triage: ${describe(err)}`);
  if (code === EXIT.internal && err instanceof Error && err.stack && process.env.TRIAGE_DEBUG) errText(err.stack);
  process.exitCode = code;
}
