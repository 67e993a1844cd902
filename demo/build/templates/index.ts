// Page templates by outlet key (one distinct template per outlet).
import type { Template } from '../head.ts';
import { template as aussiehealth } from './aussiehealth.ts';
import { template as delhichronicle } from './delhichronicle.ts';
import { template as eurohealthit } from './eurohealthit.ts';
import { template as healthcyberdaily } from './healthcyberdaily.ts';
import { template as indiamorningpost } from './indiamorningpost.ts';
import { template as medtechwire } from './medtechwire.ts';
import { template as northerngazette } from './northerngazette.ts';
import { template as secureops } from './secureops.ts';
import { template as sentinelgrid } from './sentinelgrid.ts';

export const TEMPLATES: Record<string, Template> = {
  healthcyberdaily,
  delhichronicle,
  indiamorningpost,
  medtechwire,
  eurohealthit,
  aussiehealth,
  secureops,
  northerngazette,
  sentinelgrid,
};
