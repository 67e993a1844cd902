// STIX 2.1 bundle of the dataset: victims (identity, with sector), groups (intrusion-set), incidents, articles
// (report, with the URL as external reference), countries (location) and the relationships between them.
import { Incident, type Sector } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import { docMeta, incidentRecords } from '../../store/export-tables.ts';
import { loadAliases, type Aliases } from '../query/aliases.ts';
import { normaliseName } from '../../store/search-terms.ts';
import { stixId, stixTime, uuidV5 } from './stix-ids.ts';
import { stripUserinfo } from '../../core/safe-text.ts';
import { extensionDefinition, stixTlp, tlpMarking, tlpMarkingId, withExtension } from './stix-markings.ts';

export interface StixObject {
  type: string;
  id: string;
  spec_version?: string;
  created?: string;
  modified?: string;
  [k: string]: unknown;
}
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** Triage's own identity, creator of every object; a fixed date keeps the bundle reproducible. */
const TRIAGE = { name: 'Triage', created: '2022-01-01T00:00:00.000Z' };
const TRIAGE_ID = stixId('identity', 'triage');

/** Triage sectors → STIX industry-sector-ov. */
const SECTORS: Record<Sector, string[]> = {
  hospital: ['healthcare'],
  'health-system': ['healthcare'],
  clinic: ['healthcare'],
  lab: ['healthcare'],
  pharma: ['pharmaceuticals', 'healthcare'],
  insurer: ['insurance', 'healthcare'],
  'health-agency': ['healthcare', 'government'],
  'health-it-vendor': ['technology', 'healthcare'],
  'medical-device': ['manufacturing', 'healthcare'],
  other: ['healthcare'],
};

/** Drops null, undefined and empty-list properties: STIX forbids them. */
function clean<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as T;
}

function sdo(type: string, key: string, created: string, modified: string, props: Record<string, unknown>): StixObject {
  return clean({
    type,
    spec_version: '2.1',
    id: stixId(type, key),
    created_by_ref: TRIAGE_ID,
    created,
    modified: modified < created ? created : modified,
    ...props,
  });
}

/** Every object but the marking definition itself carries the bundle's TLP marking. */
const marked = (o: StixObject, marking: string): StixObject =>
  o.type === 'marking-definition' ? o : { ...o, object_marking_refs: [marking] };

export async function buildStixBundle(
  store: Store,
  o: { since?: string; until?: string; tlp?: string } = {},
  aliases: Aliases = loadAliases(),
): Promise<StixBundle> {
  const tlp = stixTlp(o.tlp);
  const incidents = (await incidentRecords(store, o.since, o.until)).map((r) => Incident.parse(JSON.parse(r)));
  const docIds = [...new Set(incidents.flatMap((i) => i.sources.map((s) => s.doc_id)))];
  const docs = new Map((await docMeta(store, docIds)).map((d) => [d.doc_id, d]));
  const objects = new Map<string, StixObject>();
  const put = (x: StixObject) => {
    const had = objects.get(x.id);
    objects.set(x.id, had ? merge(had, x) : x);
    return x.id;
  };
  put(
    clean({
      type: 'identity',
      spec_version: '2.1',
      id: TRIAGE_ID,
      created: TRIAGE.created,
      modified: TRIAGE.created,
      name: TRIAGE.name,
      identity_class: 'system',
      description: 'Triage: healthcare cyber-incident dataset built from news reports',
    }),
  );
  put(tlpMarking(tlp));
  put(extensionDefinition(TRIAGE_ID, TRIAGE.created, tlpMarkingId(tlp)));
  const reportRefs = new Map<string, Set<string>>();
  for (const i of incidents) addIncident(i, put, reportRefs, aliases);
  for (const [docId, refs] of reportRefs) {
    const d = docs.get(docId);
    const src = incidents.flatMap((i) => i.sources).find((s) => s.doc_id === docId);
    const published = stixTime(d?.published ?? src?.published, TRIAGE.created);
    const url = stripUserinfo(d?.canonical_url ?? d?.url ?? src?.url ?? null);
    put(
      sdo('report', docId, published, published, {
        name: d?.title ?? src?.title ?? url ?? docId,
        published,
        report_types: ['threat-report'],
        lang: d?.language ?? undefined,
        object_refs: [...refs].sort(),
        extensions: withExtension({ doc_id: docId }),
        external_references: [
          clean({
            source_name: d?.outlet ?? src?.outlet ?? 'article',
            url: url ?? undefined,
            description: url ? undefined : `local file ${d?.file ?? src?.file ?? docId}`,
            external_id: docId,
          }),
        ],
      }),
    );
  }
  const sorted = [...objects.values()]
    .map((x) => marked(x, tlpMarkingId(tlp)))
    .sort((a, b) => (a.type === b.type ? a.id.localeCompare(b.id) : a.type.localeCompare(b.type)));
  return {
    type: 'bundle',
    id: `bundle--${uuidV5(sorted.map((x) => `${x.id}@${x.modified ?? ''}`).join('\n'))}`,
    objects: sorted,
  };
}

type Put = (x: StixObject) => string;

function addIncident(i: Incident, put: Put, reportRefs: Map<string, Set<string>>, aliases: Aliases): void {
  const dates = i.sources
    .map((s) => s.published)
    .filter((d): d is string => !!d)
    .sort();
  const created = stixTime(i.first_reported ?? dates[0], TRIAGE.created);
  const modified = stixTime(dates[dates.length - 1] ?? i.first_reported, created);
  const victimKey = `${normaliseName(i.victim)}|${i.country ?? ''}`;
  const victim = put(
    sdo('identity', victimKey, created, modified, {
      name: i.victim,
      identity_class: 'organization',
      sectors: SECTORS[i.sector],
      extensions: withExtension({ sector: i.sector }),
    }),
  );
  const incident = put(
    sdo('incident', i.incident_id, created, modified, {
      name: `${i.attack_types.includes('ransomware') ? 'Ransomware attack' : 'Cyberattack'} on ${i.victim}`,
      description: describeIncident(i),
      extensions: withExtension({
        incident_id: i.incident_id,
        status: i.status,
        attack_types: i.attack_types,
        attack_date: i.attack_date,
        first_reported: i.first_reported,
        ransom_demanded_usd: i.ransom_demanded_usd,
        ransom_paid_usd: i.ransom_paid_usd,
        records_affected: i.records_affected,
        downtime_days: i.downtime_days,
        source_count: i.sources.length,
      }),
    }),
  );
  // STIX 2.1 defines no relationship of its own for an incident: it is `related-to` (a common relationship) its
  // victim and group, the description saying how; group → victim `targets` and victim → country `located-at`
  // are the specification's own.
  const rel = (source: string, type: string, target: string, description?: string) =>
    put(
      sdo('relationship', `${source}|${type}|${target}`, created, modified, {
        relationship_type: type,
        description,
        source_ref: source,
        target_ref: target,
      }),
    );
  const refs = [incident, victim, rel(incident, 'related-to', victim, 'victim of the incident')];
  if (i.country) {
    const loc = put(
      sdo('location', i.country, TRIAGE.created, TRIAGE.created, { name: i.country, country: i.country }),
    );
    refs.push(loc, rel(victim, 'located-at', loc));
  }
  if (i.actor) {
    const group = put(
      sdo('intrusion-set', normaliseName(i.actor), created, modified, {
        name: i.actor,
        aliases: aliases.groupAliases.get(i.actor),
      }),
    );
    refs.push(
      group,
      rel(incident, 'related-to', group, 'the group the reports attribute the incident to'),
      rel(group, 'targets', victim),
    );
  }
  for (const s of i.sources) {
    const set = reportRefs.get(s.doc_id) ?? new Set<string>();
    for (const r of refs) set.add(r);
    reportRefs.set(s.doc_id, set);
  }
}

function describeIncident(i: Incident): string {
  const parts = [`${i.victim}${i.country ? ` (${i.country})` : ''}, ${i.sector}`, `status: ${i.status}`];
  if (i.actor) parts.push(`group: ${i.actor}`);
  if (i.ransom_demanded_usd !== null)
    parts.push(`ransom demanded: about US$${Math.round(i.ransom_demanded_usd).toLocaleString('en-US')}`);
  parts.push(`${i.sources.length} source${i.sources.length === 1 ? '' : 's'}`);
  return `${parts.join('; ')}.`;
}

/** The same object met twice (a victim or group in several incidents): earliest created, latest modified. */
function merge(a: StixObject, b: StixObject): StixObject {
  const created = [a.created, b.created].sort()[0];
  const modified = [a.modified, b.modified].sort()[1];
  return { ...a, created, modified };
}
