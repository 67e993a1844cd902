// Triage's own version, read once from package.json: the CLI's --version, exports' manifests and citations.
import { readFileSync } from 'node:fs';

export const TRIAGE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
