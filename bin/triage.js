#!/usr/bin/env node
// Launcher: registers the TypeScript loader (core/register.mjs) so `npx triage` and `npm start` need no build step.
import { setFlagsFromString } from 'node:v8';
import { checkNode } from './check-node.cjs';

// V8 runs a new regex in its bytecode interpreter first and compiles it to machine code on a later run ("tier-up").
// The extractor's few hundred regexes then ran 20–30 % slower on the dev split, by CPU time, than compiled to machine
// code from their first run. A tier-up after zero runs gives that, and the flag is only read when a regex is
// created, so the regexes compiled before this line keep a consistent state. Turning tier-up off here
// (--no-regexp-tier-up) did not: about 1 CLI run in 200–1,500 under load died of SIGSEGV inside V8's native regex
// execution (cores read with gdb; 0 in 1,200 runs without it). Worker threads share the flag; speed only, matches
// are alike. In-process benches pass the same flag on node's command line (package.json).
setFlagsFromString('--regexp-tier-up-ticks=0');

checkNode();
await import('../core/register.mjs');
await import('./triage.ts');
