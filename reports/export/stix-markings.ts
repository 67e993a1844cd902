// The STIX 2.1 bundle's TLP marking (the predefined marking-definition objects of the STIX 2.1 specification,
// section 7.2.1.4, whose IDs and names are fixed there) and Triage's own extension-definition, which declares
// the incident, victim and article details a STIX incident, identity or report carries.
import { ConfigError } from '../../core/errors.ts';
import { stixId } from './stix-ids.ts';

/** A STIX object as stix.ts builds them (declared here too: stix.ts imports this file). */
interface StixObject {
  type: string;
  id: string;
  [k: string]: unknown;
}

const TLP_IDS = {
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
} as const;
export type StixTlp = keyof typeof TLP_IDS;

/** `--tlp` (TLP 2.0 labels, as the report takes them) → the STIX 2.1 TLP marking; CLEAR is TLP 1.0's WHITE. */
export function stixTlp(given: string | undefined): StixTlp {
  const bare = (given ?? 'CLEAR').trim().toUpperCase().replace(/^TLP:/, '');
  const map: Record<string, StixTlp> = { CLEAR: 'white', WHITE: 'white', GREEN: 'green', AMBER: 'amber', RED: 'red' };
  if (bare === 'AMBER+STRICT')
    throw new ConfigError('--tlp AMBER+STRICT has no STIX 2.1 TLP marking: give AMBER or RED for a STIX export');
  const tlp = map[bare];
  if (!tlp) throw new ConfigError(`--tlp must be one of CLEAR, GREEN, AMBER, RED; got "${given}"`);
  return tlp;
}

export const tlpMarkingId = (tlp: StixTlp) => TLP_IDS[tlp];

/** The marking-definition object exactly as the specification predefines it. */
export function tlpMarking(tlp: StixTlp): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP_IDS[tlp],
    created: '2017-01-20T00:00:00.000Z',
    definition_type: 'tlp',
    name: `TLP:${tlp.toUpperCase()}`,
    definition: { tlp },
  };
}

export const EXTENSION_ID = stixId('extension-definition', 'triage-incident-details-1');

/** Triage's property extension: declared once in the bundle, used by incidents, victims and articles. */
export function extensionDefinition(creator: string, created: string, marking: string): StixObject {
  return {
    type: 'extension-definition',
    spec_version: '2.1',
    id: EXTENSION_ID,
    created_by_ref: creator,
    created,
    modified: created,
    name: 'Triage incident details',
    description:
      'Details Triage resolves from news reports. On an incident: incident_id, status (reported, claimed-by-group, ' +
      'confirmed-by-victim, disputed), attack_types, attack_date and first_reported (YYYY-MM-DD), ' +
      'ransom_demanded_usd and ransom_paid_usd (US dollars at the incident month), records_affected, ' +
      'downtime_days and source_count. On a victim identity: sector (Triage sector). On a report: doc_id.',
    schema: 'https://github.com/triage/triage/blob/main/core/records.ts (the Incident record; see the description)',
    version: '1.0.0',
    extension_types: ['property-extension'],
    object_marking_refs: [marking],
  };
}

/** The extension's properties on an object: nulls left out (STIX forbids them). */
export function withExtension(props: Record<string, unknown>): Record<string, unknown> {
  const details = Object.fromEntries(
    Object.entries(props).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length)),
  );
  return { [EXTENSION_ID]: { extension_type: 'property-extension', ...details } };
}
