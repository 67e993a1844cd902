// Page templates by outlet key.
import type { Template } from '../head.ts';
import { template as healthcyberdaily } from './healthcyberdaily.ts';

export const TEMPLATES: Record<string, Template> = {
  healthcyberdaily,
  delhichronicle: healthcyberdaily,
  indiamorningpost: healthcyberdaily,
  medtechwire: healthcyberdaily,
  eurohealthit: healthcyberdaily,
  aussiehealth: healthcyberdaily,
  secureops: healthcyberdaily,
  northerngazette: healthcyberdaily,
  sentinelgrid: healthcyberdaily,
};
