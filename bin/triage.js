#!/usr/bin/env node
// Launcher: registers the TypeScript loader so `npx triage` and `npm start` need no build step.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';
import { checkNode } from './check-node.cjs';

// V8 runs a new regex in its bytecode interpreter first and compiles it to machine code on a later run ("tier-up").
// The extractor's few hundred regexes then ran 20–30 % slower on the dev split, by CPU time, than compiled to machine
// code from their first run. Set before any module compiles one (worker threads share the flag); speed only, matches
// are alike. In-process benches pass the same flag on node's command line (package.json).
setFlagsFromString('--no-regexp-tier-up');

checkNode();
register();
await import('./triage.ts');
