// Pairwise precision/recall of resolve's incident grouping against the demo labels (labels.incidents).
// A unit is one (article, victim) membership; victims[i] of an article belongs to labels.incidents[i].
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolve } from '../../analyze/resolve/resolve.ts';
import { DEMO_DIR, loadDemo, type DemoItem } from './demo-corpus.ts';
import { shuffled } from './fixtures.ts';

const enough = existsSync(DEMO_DIR) && readdirSync(DEMO_DIR).filter((f) => f.endsWith('.md')).length >= 40;

function pairwise(truth: Map<string, string>, pred: Map<string, string>) {
  const units = [...new Set([...truth.keys(), ...pred.keys()])].sort();
  let both = 0;
  let inPred = 0;
  let inTruth = 0;
  for (let i = 0; i < units.length; i++) {
    for (let j = i + 1; j < units.length; j++) {
      const t = truth.has(units[i]) && truth.get(units[i]) === truth.get(units[j]);
      const p = pred.has(units[i]) && pred.get(units[i]) === pred.get(units[j]);
      if (t) inTruth++;
      if (p) inPred++;
      if (t && p) both++;
    }
  }
  return { precision: inPred ? both / inPred : 1, recall: inTruth ? both / inTruth : 1, units: units.length };
}

function evaluate(items: DemoItem[]) {
  const truth = new Map<string, string>();
  for (const { front } of items) {
    const keys = front.labels.incidents;
    if (front.labels.relevant && keys.length === front.labels.victims.length) {
      front.labels.victims.forEach((v, i) => truth.set(`${front.id}#${v.name}`, keys[i]));
    }
  }
  const { incidents, clusters } = resolve(
    items.map((x) => x.doc),
    items.map((x) => x.ext),
  );
  const pred = new Map<string, string>();
  for (const inc of incidents)
    for (const r of inc.history.victim) pred.set(`${r.doc_id}#${String(r.value)}`, inc.incident_id);
  return { ...pairwise(truth, pred), incidents: incidents.length, keys: new Set(truth.values()).size, clusters };
}

describe.skipIf(!enough)('demo corpus: incident clustering against labels', () => {
  const items = enough ? loadDemo() : [];

  it('groups (article, victim) memberships with pairwise precision and recall ≥ 0.95', () => {
    const r = evaluate(items);
    console.log(
      `demo clustering (labelled canonical names): precision ${r.precision.toFixed(3)} recall ` +
        `${r.recall.toFixed(3)} units ${r.units} incidents ${r.incidents} label keys ${r.keys}`,
    );
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('still does with the victim names as written instead of the labelled canonical names', () => {
    const r = evaluate(loadDemo(true));
    console.log(
      `demo clustering (names as written): precision ${r.precision.toFixed(3)} recall ` +
        `${r.recall.toFixed(3)} units ${r.units} incidents ${r.incidents} label keys ${r.keys}`,
    );
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('puts every syndicated copy and superseded version in one document cluster with its original', () => {
    const { clusters } = evaluate(items);
    const clusterOf = new Map(clusters.flatMap((c) => c.doc_ids.map((d) => [d, c])));
    const links = items.flatMap(({ front }) =>
      [front.syndicated_from, front.supersedes].filter((o): o is string => !!o).map((o) => [front.id, o]),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const [a, b] of links) expect(clusterOf.get(a)?.cluster_id ?? `none:${a}`).toBe(clusterOf.get(b)?.cluster_id);
    for (const { front } of items.filter((x) => x.front.supersedes)) {
      expect(clusterOf.get(front.id)).toMatchObject({
        reason: 'version',
        representative: front.id,
        superseded: [front.supersedes],
      });
    }
  });

  it('gives byte-identical output for shuffled demo inputs', () => {
    const json = (xs: DemoItem[]) =>
      JSON.stringify(
        resolve(
          xs.map((x) => x.doc),
          xs.map((x) => x.ext),
        ),
      );
    const expected = json(items);
    for (const seed of [3, 17, 99]) expect(json(shuffled(items, seed))).toBe(expected);
  });
});
