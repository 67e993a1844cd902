// Reference data, loaded once from data/reference/ (plain files with source notes).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Sector } from '../../core/records.ts';
import { ConfigError } from '../../core/errors.ts';
import { hhsEntries, buildGazetteer, type Gazetteer } from './gazetteer.ts';
import { loadLists, type Lists } from './lists.ts';
import { mergeGroups } from './groups.ts';

/** curated: from groups.yaml; common: names that are also ordinary words (need group context); kind: galaxy cluster */
export interface GroupRef {
  canonical: string;
  aliases: string[];
  ambiguous?: boolean;
  curated?: boolean;
  common?: string[];
  kind?: 'ransomware' | 'actor';
}
export interface VictimRef {
  name: string;
  aliases: string[];
  country: string | null;
  sector: Sector;
}
export interface Currencies {
  prefix: Record<string, string>;
  suffix: Record<string, string>;
  unsupported: string[];
}
/** month (YYYY-MM) → units per USD, per currency; crypto: month → USD per coin */
export interface FxTables {
  fiat: Map<string, Map<string, number>>;
  crypto: Map<string, Map<string, number>>;
}

export interface Reference {
  groups: GroupRef[];
  victims: Gazetteer;
  places: Map<string, string>;
  /** place → its group in the places files (countries, demonyms, cities …) */
  placeKinds: Map<string, string>;
  currencies: Currencies;
  fx: FxTables;
  /** word and cue lists (data/reference/lists/NAME.yaml) */
  lists: Lists;
}

function readText(dir: string, file: string): string {
  const path = join(dir, file);
  if (!existsSync(path)) throw new ConfigError('missing reference file', path);
  return readFileSync(path, 'utf8');
}

function loadFx(dir: string): FxTables {
  const fiat = new Map<string, Map<string, number>>();
  for (const line of readText(dir, 'fx/fed-monthly.csv').trim().split('\n').slice(1)) {
    const [month, cur, v] = line.split(',');
    if (!month || !cur || !v) continue;
    if (!fiat.has(cur)) fiat.set(cur, new Map());
    fiat.get(cur)!.set(month, Number(v));
  }
  const crypto = new Map<string, Map<string, number>>([
    ['BTC', new Map()],
    ['XMR', new Map()],
  ]);
  for (const line of readText(dir, 'fx/crypto-monthly.csv').trim().split('\n').slice(1)) {
    const [month, btc, xmr] = line.split(',');
    if (!month) continue;
    if (btc) crypto.get('BTC')!.set(month, Number(btc));
    if (xmr) crypto.get('XMR')!.set(month, Number(xmr));
  }
  return { fiat, crypto };
}

/** Place → country code, and place → its group ("cities", "demonyms" …); hand-written places.yaml wins. */
function loadPlaces(dir: string): { places: Map<string, string>; kinds: Map<string, string> } {
  const places = new Map<string, string>();
  const kinds = new Map<string, string>();
  for (const file of ['places-world.yaml', 'places.yaml']) {
    const doc = parse(readText(dir, file)) as Record<string, Record<string, string>>;
    for (const [kind, group] of Object.entries(doc)) {
      for (const [name, cc] of Object.entries(group)) {
        // places.yaml's not_places take a generated name out (an English word read as a foreign country name)
        if (kind === 'not_places') {
          places.delete(name);
          kinds.delete(name);
          continue;
        }
        places.set(name, cc);
        kinds.set(name, kind);
      }
    }
  }
  return { places, kinds };
}

const cache = new Map<string, Reference>();

/** Load (once per directory) every reference table the extractor needs. */
export function loadReference(dir = 'data/reference'): Reference {
  const hit = cache.get(dir);
  if (hit) return hit;
  const victims = parse(readText(dir, 'victims.yaml')) as VictimRef[];
  const places = loadPlaces(dir);
  const ref: Reference = {
    groups: mergeGroups(parse(readText(dir, 'groups.yaml')) as GroupRef[], readText(dir, 'groups-galaxy.tsv')),
    victims: buildGazetteer(victims, hhsEntries(readText(dir, 'hhs-breaches.csv'), places.places)),
    places: places.places,
    placeKinds: places.kinds,
    currencies: parse(readText(dir, 'currencies.yaml')) as Currencies,
    fx: loadFx(dir),
    lists: loadLists(join(dir, 'lists')),
  };
  cache.set(dir, ref);
  return ref;
}
