// Worker entry: registers the TypeScript loader in this thread (loaders are not inherited by workers on
// Node 20, and `--import` in execArgv does not reach the entry module), then runs worker.ts.
import '../core/register.mjs';

await import('./worker.ts');
