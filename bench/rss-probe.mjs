// Preloaded into the process under measurement (node --import): writes its peak resident set size (KiB) on exit.
import { writeFileSync } from 'node:fs';

const out = process.env.TRIAGE_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
