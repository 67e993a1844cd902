// Charts of the threat-intelligence sections: the choropleth world map (world-atlas country shapes, Natural
// Earth, public domain, read from node_modules so it works offline) and the data-exposed bars.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as Plot from '@observablehq/plot';
import { feature } from 'topojson-client';
import { intTicks } from './ticks.ts';
import { ISO_NUMERIC } from './iso-numeric.ts';
import type { ReportJson } from './types.ts';

const RAMP = ['#eef1f4', '#dbe7f5', '#a9c4e6', '#6f9bd6', '#3d6fb0', '#1f4e8c'];

let world: { features: { id?: string; properties?: { name?: string } }[] } | null = null;
function countries() {
  if (!world) {
    const file = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
    const topo = JSON.parse(readFileSync(file, 'utf8'));
    world = feature(topo, topo.objects.countries) as unknown as NonNullable<typeof world>;
  }
  return world!;
}

/** Options for a choropleth of the period's incidents by country; null when no country is known. */
export function mapOptions(r: ReportJson): Plot.PlotOptions | null {
  if (r.tables.map.length === 0) return null;
  const byNumeric = new Map(r.tables.map.map((m) => [ISO_NUMERIC[m.code], m.incidents]));
  const shapes = countries().features;
  const hit = shapes.filter((f) => f.id !== undefined && byNumeric.has(f.id));
  const max = Math.max(1, ...r.tables.map.map((m) => m.incidents));
  const thresholds = intTicks(max)
    .slice(1)
    .slice(-(RAMP.length - 2));
  return {
    ariaLabel: 'World map of incidents by country',
    projection: 'equal-earth',
    height: 330,
    // thresholds at whole counts: a continuous ramp legend needs a canvas, which server-side rendering lacks
    color: {
      type: 'threshold',
      domain: thresholds,
      range: RAMP.slice(RAMP.length - thresholds.length - 1),
      legend: true,
      label: `Incidents this ${r.period.unit}`,
      tickFormat: 'd',
    },
    marks: [
      Plot.geo(shapes, { fill: '#eef1f4', stroke: '#fff', strokeWidth: 0.5 }),
      Plot.geo(hit, { fill: (f: { id: string }) => byNumeric.get(f.id), stroke: '#fff', strokeWidth: 0.5 }),
      Plot.sphere({ stroke: '#d8dde3' }),
    ],
  };
}
