// STIX export: a TLP marking on every object, Triage's details in a declared extension-definition, relationships
// from the STIX vocabulary; the bundle validates against the OASIS STIX 2.1 schemas, markings and extension too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../store/store.ts';
import { buildStixBundle, type StixObject } from '../../reports/export/stix.ts';
import { EXTENSION_ID } from '../../reports/export/stix-markings.ts';
import { buildDemoDb, type DemoDb } from '../query/demo-db.ts';
import { ownErrors, schemaErrors, schemasPresent } from '../export/stix-validate.ts';

let demo: DemoDb;
let store: Store;
beforeAll(async () => {
  demo = await buildDemoDb();
  store = await Store.open(demo.path, { readOnly: true });
});
afterAll(async () => {
  store?.close();
  await demo?.cleanup();
});

const GREEN = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';
const WHITE = 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9';
/** Relationship types the STIX 2.1 specification defines (common ones and those used here). */
const VOCABULARY = new Set(['related-to', 'derived-from', 'duplicate-of', 'targets', 'located-at', 'attributed-to']);

describe('STIX bundle', () => {
  it('marks every object with the TLP marking definition', async () => {
    const clear = await buildStixBundle(store);
    expect(clear.objects.find((o) => o.type === 'marking-definition')?.id).toBe(WHITE);
    const green = await buildStixBundle(store, { tlp: 'GREEN' });
    const markings = green.objects.filter((o) => o.type === 'marking-definition');
    expect(markings).toEqual([
      {
        type: 'marking-definition',
        spec_version: '2.1',
        id: GREEN,
        created: '2017-01-20T00:00:00.000Z',
        definition_type: 'tlp',
        name: 'TLP:GREEN',
        definition: { tlp: 'green' },
      },
    ]);
    for (const o of green.objects.filter((x) => x.type !== 'marking-definition'))
      expect(o.object_marking_refs, o.id).toEqual([GREEN]);
    await expect(buildStixBundle(store, { tlp: 'AMBER+STRICT' })).rejects.toThrow(/AMBER\+STRICT/);
  });

  it('carries incident details in the declared extension, with no loose custom properties', async () => {
    const b = await buildStixBundle(store);
    const ext = b.objects.find((o) => o.type === 'extension-definition');
    expect(ext).toMatchObject({ id: EXTENSION_ID, extension_types: ['property-extension'] });
    const incidents = b.objects.filter((o) => o.type === 'incident');
    expect(incidents).toHaveLength(28);
    for (const o of b.objects)
      expect(
        Object.keys(o).filter((k) => k.startsWith('x_')),
        o.id,
      ).toEqual([]);
    const aiims = incidents.find((o) => /All India Institute/.test(String(o.name))) as StixObject;
    const details = (aiims.extensions as Record<string, Record<string, unknown>>)[EXTENSION_ID];
    expect(details).toMatchObject({
      extension_type: 'property-extension',
      status: 'disputed',
      attack_date: '2022-11-23',
    });
    expect(details.incident_id).toMatch(/^inc_/);
    expect(details.records_affected).toBe(40_000_000);
  });

  it('uses relationship types from the STIX vocabulary', async () => {
    const b = await buildStixBundle(store);
    const types = new Set(b.objects.filter((o) => o.type === 'relationship').map((o) => String(o.relationship_type)));
    expect([...types].sort()).toEqual(['located-at', 'related-to', 'targets']);
    for (const t of types) expect(VOCABULARY.has(t)).toBe(true);
    expect(ownErrors(b as never)).toEqual([]);
  });

  it.skipIf(!schemasPresent())('validates against the OASIS schemas, markings and extension included', async () => {
    const b = await buildStixBundle(store, { tlp: 'AMBER' });
    expect(schemaErrors(b)).toEqual([]);
    // the schemas do check them: a forged TLP marking and an extension without its type fail
    const forged = {
      ...b,
      objects: b.objects.map((o) => (o.type === 'marking-definition' ? { ...o, name: 'TLP:PURPLE' } : o)),
    };
    expect(schemaErrors(forged).some((e) => e.startsWith('marking-definition--'))).toBe(true);
    const untyped = {
      ...b,
      objects: b.objects.map((o) =>
        o.type === 'incident' ? { ...o, extensions: { [EXTENSION_ID]: { status: 'reported' } } } : o,
      ),
    };
    expect(schemaErrors(untyped).some((e) => e.startsWith('incident--'))).toBe(true);
    const noMarking = { ...b, objects: b.objects.filter((o) => o.type !== 'marking-definition') };
    expect(ownErrors(noMarking as never).some((e) => /dangling ref marking-definition--/.test(e))).toBe(true);
  });
});
