// Registers this package's TypeScript loader (ts-hooks.mjs) in the calling thread, with source maps on for stack
// traces. `node --import ./core/register.mjs file.ts` runs a TypeScript file; the CLI and pool workers import it.
import { register } from 'node:module';

process.setSourceMapsEnabled(true);
register('./ts-hooks.mjs', import.meta.url);
