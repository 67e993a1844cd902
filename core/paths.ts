// Paths inside the project, resolved from this file so commands work from any working directory.
import { fileURLToPath } from 'node:url';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));

export const PROJECT = {
  demoSites: root('demo/sites'),
  demoSources: root('demo/sources.yaml'),
  defaultSources: root('data/sources.yaml'),
  reference: root('data/reference'),
};
