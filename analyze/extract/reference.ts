// Reference data, loaded once from data/reference/ (plain files with source notes).
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseYaml as parse } from '../../core/yaml.ts';
import { ConfigError } from '../../core/errors.ts';
import { hhsEntries, buildGazetteer, type Gazetteer, type VictimRef } from './gazetteer.ts';
import { loadLists, type Lists } from './lists.ts';
import { mergeGroups, type GroupRef } from './groups.ts';

// the table types live with the modules that index them (no import cycle); re-exported for the other readers
export type { GroupRef } from './groups.ts';
export type { VictimRef } from './gazetteer.ts';
export interface Currencies {
  prefix: Record<string, string>;
  suffix: Record<string, string>;
  unsupported: string[];
  /** a sign or word → country → the currency it names there (local-currency.ts) */
  by_country?: Record<string, Record<string, string>>;
  /** the same for a sign only when written after the figure, as Quebec writes its dollar ("750 000 $") */
  after_by_country?: Record<string, Record<string, string>>;
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
  /** common English words, lower case (the lexicon of natural's Brill tagger): a lone capitalised word opening a
   * sentence that is none of these can be a name */
  english: Set<string>;
}

function readText(dir: string, file: string): string {
  const path = join(dir, file);
  if (!existsSync(path)) throw new ConfigError('missing reference file', path);
  return readFileSync(path, 'utf8');
}

/** groups.yaml, the curated group table: its one reader (the query aliases read it here too, without the rest). */
export function readGroups(dir: string): GroupRef[] {
  return (parse(readText(dir, 'groups.yaml')) ?? []) as GroupRef[];
}
/** victims.yaml, the curated victim gazetteer: its one reader. */
export function readVictims(dir: string): VictimRef[] {
  return (parse(readText(dir, 'victims.yaml')) ?? []) as VictimRef[];
}

// natural ships the lexicon of its English Brill tagger (about 92,000 words with their tags) inside its package
const LEXICON = 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json';
let english: Set<string> | null = null;
// Its words are the keys of a 4 MB object of tag arrays, one per line at the top level: read from those lines (the
// 92,000 arrays JSON.parse builds cost each worker ~0.5 s and heap). test/extract/reference-files.test.ts checks
// the keys read equal JSON.parse's.
const LEXICON_KEY = /^ {4}"((?:[^"\\\n]|\\.)*)": \[/gm;
/** The lexicon's words: its top-level keys. */
export function lexiconWords(json: string): string[] {
  const out: string[] = [];
  for (const m of json.matchAll(LEXICON_KEY))
    out.push(m[1]!.includes('\\') ? (JSON.parse(`"${m[1]}"`) as string) : m[1]!);
  return out;
}
export const lexiconPath = (): string => createRequire(import.meta.url).resolve(LEXICON);
const LOWER_FIRST = /^\p{Ll}/u;
function englishWords(): Set<string> {
  if (english) return english;
  const words = lexiconWords(readFileSync(lexiconPath(), 'utf8'));
  return (english = new Set(words.filter((w) => w === w.toLowerCase() && LOWER_FIRST.test(w))));
}

function loadFx(dir: string): FxTables {
  const fiat = new Map<string, Map<string, number>>();
  for (const line of readText(dir, 'fx/fed-monthly.csv').trim().split('\n').slice(1)) {
    const [month, cur, v] = line.split(',');
    if (!month || !cur || !v) continue;
    if (!fiat.has(cur)) fiat.set(cur, new Map());
    fiat.get(cur)!.set(month, Number(v));
  }
  // currencies pegged to the dollar: one rate from the month the peg began (fx.ts reads the nearest earlier month)
  for (const line of readText(dir, 'fx/pegged.csv').trim().split('\n').slice(1)) {
    const [cur, v, since] = line.split(',');
    if (!cur || !v || !since || fiat.has(cur)) continue;
    fiat.set(cur, new Map([[since, Number(v)]]));
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
    // The generated file's keys are unique by construction (test/extract/reference-files.test.ts checks them):
    // yaml's own check compares every key of a map with the others, 1 s of each worker's start on 6,000 names.
    const opts = file === 'places-world.yaml' ? { uniqueKeys: false } : {};
    const doc = parse(readText(dir, file), opts) as Record<string, Record<string, string>>;
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
  const victims = readVictims(dir);
  const places = loadPlaces(dir);
  const ref: Reference = {
    groups: mergeGroups(readGroups(dir), readText(dir, 'groups-galaxy.tsv')),
    victims: buildGazetteer(victims, hhsEntries(readText(dir, 'hhs-breaches.csv'), places.places)),
    places: places.places,
    placeKinds: places.kinds,
    currencies: parse(readText(dir, 'currencies.yaml')) as Currencies,
    fx: loadFx(dir),
    lists: loadLists(join(dir, 'lists')),
    english: englishWords(),
  };
  cache.set(dir, ref);
  return ref;
}
