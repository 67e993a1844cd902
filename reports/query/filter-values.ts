// Filter values checked before a query runs: a wrong value (`--country India` once, `--type ransom`) used to match
// nothing silently. Countries are ISO 3166-1 alpha-2 codes or names (data/reference/places-world.yaml, the same
// list the extractor reads); types and sectors come from their lists in core/records.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ATTACK_TYPES, SECTORS } from '../../core/records.ts';
import { ConfigError } from '../../core/errors.ts';
import { PROJECT } from '../../core/paths.ts';
import type { IncidentFilters } from '../../store/incident-search.ts';
import { actorsInData } from '../../store/evidence.ts';
import type { Store } from '../../store/store.ts';
import { actorCandidates, groupKey, loadAliases } from './aliases.ts';

export interface Countries {
  codes: Set<string>;
  byName: Map<string, string>;
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

let cached: Countries | null = null;

/** Country names (several languages) → code, from the reference list; read once per process. */
export function loadCountries(dir = PROJECT.reference): Countries {
  if (cached && dir === PROJECT.reference) return cached;
  const byName = new Map<string, string>();
  const doc = parse(readFileSync(join(dir, 'places-world.yaml'), 'utf8')) as { countries?: Record<string, string> };
  for (const [name, code] of Object.entries(doc.countries ?? {})) byName.set(fold(name), code.toUpperCase());
  const out = { codes: new Set(byName.values()), byName };
  if (dir === PROJECT.reference) cached = out;
  return out;
}

/** Valid values on the error's one line (stderr lines are single lines: bin/stdio.ts). */
const listOf = (values: Iterable<string>) => [...values].join(', ');

/** `IN`, `in`, `India`, `Inde` → `IN`; anything else is a usage error listing the codes. */
export function countryCode(given: string, flag = '--country', countries = loadCountries()): string {
  const v = given.trim();
  if (/^[A-Za-z]{2}$/.test(v) && countries.codes.has(v.toUpperCase())) return v.toUpperCase();
  const byName = countries.byName.get(fold(v));
  if (byName) return byName;
  throw new ConfigError(
    `${flag}: unknown country "${given}"; give an ISO 3166-1 alpha-2 code or a country name; valid codes: ` +
      listOf([...countries.codes].sort()),
  );
}

function oneOf(flag: string, given: string, valid: readonly string[]): string {
  const v = given.trim().toLowerCase();
  if (valid.includes(v)) return v;
  throw new ConfigError(`${flag}: unknown value "${given}"; valid values: ${listOf(valid)}`);
}

export const attackType = (given: string, flag = '--type') => oneOf(flag, given, ATTACK_TYPES);
export const sector = (given: string, flag = '--sector') => oneOf(flag, given, SECTORS);

/** The filters with country, type and sector checked and normalised; `flags` names the inputs in errors. */
export function checkFilters(
  f: IncidentFilters,
  flags: { country: string; type: string; sector: string } = {
    country: '--country',
    type: '--type',
    sector: '--sector',
  },
): IncidentFilters {
  return {
    ...f,
    country: f.country === undefined ? undefined : countryCode(f.country, flags.country),
    type: f.type === undefined ? undefined : attackType(f.type, flags.type),
    sector: f.sector === undefined ? undefined : sector(f.sector, flags.sector),
  };
}

/**
 * An --actor that is no known group (name, alias or a one-letter typo of one: reports/query/aliases.ts) and no
 * group of the data would match nothing: a usage error listing the groups the data holds.
 */
export async function checkActor(store: Store, actor: string | undefined, flag = '--actor'): Promise<void> {
  if (actor === undefined) return;
  const aliases = loadAliases();
  if (aliases.groups.has(groupKey(actor))) return; // a known group, even one with no incident yet
  const candidates = actorCandidates(actor, aliases);
  const known = await actorsInData(store);
  const lower = new Set(known.map((a) => a.toLowerCase()));
  if (candidates.some((c) => lower.has(c.toLowerCase())) || candidates.length > 1 || candidates[0] !== actor) return;
  throw new ConfigError(
    `${flag}: no group "${actor}" in the group list or the data; groups in the data: ${listOf(known) || 'none yet'}`,
  );
}
