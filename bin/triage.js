#!/usr/bin/env node
// Launcher: registers the TypeScript loader so `npx triage` and `npm start` need no build step.
import { register } from 'tsx/esm/api';

register();
await import('./triage.ts');
