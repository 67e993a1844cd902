#!/usr/bin/env node
// Launcher: registers the TypeScript loader so `npx triage` and `npm start` need no build step.
import { register } from 'tsx/esm/api';
import { checkNode } from './check-node.cjs';

checkNode();
register();
await import('./triage.ts');
