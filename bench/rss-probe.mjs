// Preloaded into the process under measurement (node --import): writes its peak resident set size (KiB) on exit,
// and, when TRIAGE_CPU_FILE is set, its CPU time (user + system, all threads, microseconds) there.
import { writeFileSync } from 'node:fs';

const out = process.env.TRIAGE_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
const cpu = process.env.TRIAGE_CPU_FILE;
if (cpu) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(cpu, String(u.userCPUTime + u.systemCPUTime));
  });
}
