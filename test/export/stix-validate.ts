// Validation of STIX bundles: against the OASIS STIX 2.1 JSON schemas (when the shared folder is present),
// and the rules the schemas do not check, which run everywhere.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';

export const SCHEMAS = fileURLToPath(new URL('../../../shared/benchmarks/stix2-schemas/schemas', import.meta.url));

// ajv-formats is CommonJS: under ESM its function may sit on `default`
const addFormats = ((formatsPlugin as unknown as { default?: unknown }).default ?? formatsPlugin) as (
  ajv: Ajv2020,
) => Ajv2020;

const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas';

/**
 * Schema errors of a bundle (empty when valid). Every schema file is loaded first: they reference each other.
 * This copy's bundle.json enumerates neither `incident` nor `location`, and its branch for other types cannot
 * accept any SDO (an SDO matches both core.json and cyber-observable-core.json, failing its oneOf). So the
 * envelope is checked by bundle.json with the objects of the types it enumerates, and every object, of every
 * type, by its own type schema (sdos/<type>.json, sros/<type>.json); a type without a schema is an error.
 */
export function schemaErrors(bundle: { objects: { type: string; id: string }[] }, dir = SCHEMAS): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: false, unicodeRegExp: false, logger: false });
  addFormats(ajv);
  for (const sub of readdirSync(dir)) {
    for (const f of readdirSync(join(dir, sub)).filter((n) => n.endsWith('.json'))) {
      ajv.addSchema(JSON.parse(readFileSync(join(dir, sub, f), 'utf8')));
    }
  }
  const bundleSchema = JSON.parse(readFileSync(join(dir, 'common', 'bundle.json'), 'utf8')) as object;
  const listed = new Set(
    [...JSON.stringify(bundleSchema).matchAll(/"\.\.\/(?:sdos|sros|common)\/([a-z-]+)\.json"/g)].map((m) => m[1]),
  );
  const errors: string[] = [];
  const envelope = ajv.getSchema(`${BASE}/common/bundle.json`)!;
  if (!envelope({ ...bundle, objects: bundle.objects.filter((o) => listed.has(o.type)) }))
    errors.push(`bundle: ${ajv.errorsText(envelope.errors)}`);
  for (const o of bundle.objects) {
    // marking and extension definitions are described in common/
    const common = ['marking-definition', 'extension-definition'].includes(o.type);
    const v = common
      ? ajv.getSchema(`${BASE}/common/${o.type}.json`)
      : (ajv.getSchema(`${BASE}/sdos/${o.type}.json`) ?? ajv.getSchema(`${BASE}/sros/${o.type}.json`));
    const id = o.id;
    if (!v) errors.push(`${id}: no schema for type ${o.type}`);
    else if (!v(o)) errors.push(`${id}: ${ajv.errorsText(v.errors)}`);
  }
  return errors;
}

export const schemasPresent = () => existsSync(join(SCHEMAS, 'common', 'bundle.json'));

const ID = /^[a-z][a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Rules of the STIX 2.1 specification checked without the schemas. */
export function ownErrors(bundle: { type: string; id: string; objects: Record<string, unknown>[] }): string[] {
  const errors: string[] = [];
  if (bundle.type !== 'bundle' || !ID.test(bundle.id) || !bundle.id.startsWith('bundle--'))
    errors.push(`bad bundle id ${bundle.id}`);
  const ids = new Set<string>();
  for (const o of bundle.objects) {
    const id = String(o.id);
    if (!ID.test(id) || !id.startsWith(`${String(o.type)}--`)) errors.push(`id ${id} does not match type--uuid`);
    if (ids.has(id)) errors.push(`duplicate ${id}`);
    ids.add(id);
    if (o.spec_version !== '2.1') errors.push(`${id}: spec_version`);
    // a marking definition has no `modified` (it never changes)
    for (const k of o.type === 'marking-definition' ? (['created'] as const) : (['created', 'modified'] as const)) {
      if (!TIME.test(String(o[k])) || Number.isNaN(Date.parse(String(o[k]))))
        errors.push(`${id}: ${k} ${String(o[k])}`);
    }
    if (String(o.modified) < String(o.created)) errors.push(`${id}: modified before created`);
    for (const [k, v] of Object.entries(o))
      if (v === null || (Array.isArray(v) && v.length === 0)) errors.push(`${id}: empty ${k}`);
  }
  for (const o of bundle.objects) {
    const refs = [
      o.created_by_ref,
      o.source_ref,
      o.target_ref,
      ...((o.object_refs as string[] | undefined) ?? []),
      ...((o.object_marking_refs as string[] | undefined) ?? []),
      ...Object.keys((o.extensions as Record<string, unknown> | undefined) ?? {}).filter((k) =>
        k.startsWith('extension-definition--'),
      ),
    ].filter(Boolean) as string[];
    for (const r of refs) if (!ids.has(r)) errors.push(`${String(o.id)}: dangling ref ${r}`);
  }
  return errors;
}
