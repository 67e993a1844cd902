// Number words and figures as printed in news: Indian grouping (1,50,00,000), European separators
// (1.000.000, 1,5), scale words (lakh, crore, million, Mio., bn, k).

export const NUM = String.raw`(?:(?<![\d.,])\.)?\d(?:[\d,.]*\d)?`;
// (headlines capitalise them: "Demand $5 Million")
export const SCALE =
  String.raw`lakhs?|lacs?|crores?|cr|millions?|mn|mln|Mio\.?|mio\.?|m|M|billions?|bn|Mrd\.?|b` +
  String.raw`|thousand|k|K` +
  String.raw`|trillion|Lakhs?|Crores?|Millions?|Billions?|Thousand|Trillion`;
// Scale words of Spanish, French, German, Dutch and the Scandinavian languages' counts ("20 millones de",
// "2 Millionen", "485 mil", "15 millioner"), read by scaleOf; money keeps to SCALE.
export const SCALE_INTL =
  String.raw`millones|mill[oó]n|milliers|milliards?|Millionen|Milliarden|miljoen|miljard` +
  String.raw`|milion[ei]|miliardo|millioner|miljoner|milliarder|miljarder` +
  String.raw`|miliardi|milh(?:ão|ões)|mila|mil`;

// …of which money reads these after a figure too ("R$ 5 milhões", "500mila euro"); not "mil", which is a thousand in
// Spanish and Portuguese but a million in English slang ("$5 mil")
export const MONEY_SCALE_INTL =
  String.raw`millones|mill[oó]n|milliards?|Millionen|Milliarden|miljoen|miljard|milion[ei]|miliard[oi]` +
  String.raw`|milh(?:ão|ões)|bilh(?:ão|ões)|mila|millioner|miljoner|milliarder|miljarder`;

const SCALES: [RegExp, number][] = [
  [/^(millones|mill[oó]n|millionen|miljoen|milion[ei]|milh(?:ão|ões)|millioner|miljoner)$/i, 1e6],
  [/^(milliards?|milliarden|miljard|miliard[oi]|bilh(?:ão|ões)|milliarder|miljarder)$/i, 1e9],
  [/^(mil|milliers|mila)$/i, 1e3],
  [/^(lakhs?|lacs?)$/i, 1e5],
  [/^(crores?|cr)$/i, 1e7],
  [/^(millions?|mn|mln|mio\.?|m)$/i, 1e6],
  [/^(billions?|bn|mrd\.?|b)$/i, 1e9],
  [/^(thousand|k)$/i, 1e3],
  [/^trillion$/i, 1e12],
];

/** A figure times its scale word, without binary fractions' noise: "2.3 lakh" is 230000, not 229999.99999999997. */
export const scaled = (n: number, word: string | undefined): number => Number((n * scaleOf(word)).toPrecision(12));

export function scaleOf(word: string | undefined): number {
  if (!word) return 1;
  for (const [re, v] of SCALES) if (re.test(word.trim())) return v;
  return 1;
}

/**
 * Parse a printed figure. `europeanHint`: the currency/locale makes "1.500" mean 1500 (euro amounts
 * without a scale word). Returns null for shapes we cannot read unambiguously.
 */
export function parseFigure(s: string, europeanHint = false): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}([ \u00a0\u202f]\d{3})+$/.test(s)) return Number(s.replace(/\D/g, '')); // "45 000"
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d{1,2}(,\d{2})+,\d{3}$/.test(s)) return Number(s.replace(/,/g, '')); // Indian lakh grouping
  if (/^\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d{1,3}\.\d{3},\d+$/.test(s)) return Number(s.replace('.', '').replace(',', '.'));
  if (/^\d{1,3}\.\d{3}$/.test(s) && europeanHint) return Number(s.replace('.', ''));
  if (/^\d*\.\d+$/.test(s)) return Number(s); // ".8 bitcoins"
  if (/^\d+,\d{1,2}$/.test(s)) return Number(s.replace(',', '.')); // European decimal comma: "1,5 Mio."
  return null;
}

const WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
// the tens, and the compounds they make with a unit ("twenty-five", "forty one"), kept under the hyphenated form
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70 };
Object.assign(TENS, { eighty: 80, ninety: 90 });
const UNIT_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
for (const [t, n] of Object.entries(TENS)) {
  WORDS[t] = n;
  UNIT_WORDS.forEach((u, i) => {
    WORDS[`${t}-${u}`] = n + i + 1;
  });
}
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
};
// …and in Spanish, Portuguese, French, Italian, German, Dutch, Polish and the Scandinavian languages, read where those
// languages' constructions ask (not the short words other languages write otherwise: en, et, to, ni, ti, sex)
const OTHER_WORDS: Record<string, number> = Object.fromEntries(
  (
    [
      ['un una uno um uma une ein eine einen einem einer één een', 1],
      ['dos dois duas deux due zwei twee två dwa dwóch', 2],
      ['tres três trois tre drei drie trzy trzech', 3],
      ['cuatro quatro quatre quattro vier fire fyra cztery czterech', 4],
      ['cinco cinq cinque fünf vijf fem pięć pięciu', 5],
      ['seis six sei sechs zes seks sześć sześciu', 6],
      ['siete sete sept sette sieben zeven syv sju siedem siedmiu', 7],
      ['ocho oito huit otto acht otte åtte åtta osiem ośmiu', 8],
      ['nueve nove neuf neun negen nio dziewięć dziewięciu', 9],
      ['diez dez dix dieci zehn tien tio dziesięć dziesięciu', 10],
      ['once onze undici elf elleve elva', 11],
      ['doce doze douze dodici zwölf twaalf tolv', 12],
      ['quince quinze quindici fünfzehn vijftien femten femton', 15],
      ['veinte vinte vingt venti zwanzig twintig tyve tjue tjugo', 20],
      ['treinta trinta trente trenta dreißig dertig', 30],
    ] as const
  ).flatMap(([ws, n]) => ws.split(' ').map((w) => [w, n])),
);
/** Words as alternatives, the longest first; a compound's parts may be joined by a hyphen or a space. The unit of
 * a compound is never read alone: "five" in "twenty-five" (a hyphen is no word boundary to the callers' guards). */
const alternation = (ws: string[]) =>
  String.raw`(?<![A-Za-z][-‐–])(?:` +
  [...ws]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace('-', String.raw`[\s‐–-]`))
    .join('|') +
  ')';
export const NUMBER_WORD = alternation(Object.keys(WORDS));
/** The words of ten and more: a count of people spelled out ("at least fifty-six persons"). */
export const TEN_OR_MORE_WORD = alternation(Object.keys(WORDS).filter((w) => WORDS[w]! >= 10));
/** The same without the articles "a" and "an". */
export const NUMBER_WORD_NO_ARTICLE = alternation(Object.keys(WORDS).filter((w) => w !== 'a' && w !== 'an'));
// Ordinals of those languages up to ten, as a day of an outage is counted ("troisième jour", "sjätte dygnet")
const OTHER_ORDINALS: Record<string, number> = Object.fromEntries(
  (
    [
      ['segundo segunda deuxième secondo seconda zweiten zweite tweede andre andra anden', 2],
      ['tercer tercero tercera terceiro terceira troisième terzo terza dritten dritte derde tredje', 3],
      ['cuarto cuarta quarto quarta quatrième vierten vierte vierde fjerde fjärde', 4],
      ['quinto quinta cinquième fünften fünfte vijfde femte', 5],
      ['sexto sexta sixième sesto sesta sechsten sechste zesde sjette sjätte', 6],
      ['séptimo séptima sétimo sétima septième settimo settima siebten siebte zevende syvende sjunde', 7],
      ['octavo octava oitavo oitava huitième ottavo ottava achten achte achtste ottende åttonde', 8],
      ['noveno novena nono nona neuvième neunten neunte negende niende nionde', 9],
      ['décimo décima dixième decimo decima zehnten zehnte tiende tionde', 10],
    ] as const
  ).flatMap(([ws, n]) => ws.split(' ').map((w) => [w, n])),
);
export const OTHER_ORDINAL_WORD = Object.keys(OTHER_ORDINALS)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** The value of an ordinal word of another language read ("troisième" → 3), or null. */
export const otherOrdinal = (w: string): number | null => OTHER_ORDINALS[w.toLowerCase()] ?? null;
export const OTHER_NUMBER_WORD = Object.keys(OTHER_WORDS).join('|');
/** Number words of every language read, as they stand before a scale word ("a million", "zwei Millionen"). */
export const ANY_NUMBER_WORD = alternation([
  ...Object.keys(WORDS).filter((w) => w !== 'an'),
  ...Object.keys(OTHER_WORDS),
]);
export const ORDINAL_WORD = Object.keys(ORDINALS).join('|');

/** An English cardinal word's value ("two" → 2), or null. */
export const cardinalWord = (w: string): number | null => WORDS[wordKey(w)] ?? null;
const wordKey = (w: string) => w.toLowerCase().replace(/[\s‐–-]+/g, '-');

/** "two" → 2, "13" → 2, "13th" → 13, "sixth" → 6. */
export function smallNumber(w: string): number | null {
  const l = w.toLowerCase();
  if (/^\d+(st|nd|rd|th)?$/.test(l)) return parseInt(l, 10);
  return WORDS[wordKey(l)] ?? ORDINALS[l] ?? OTHER_WORDS[l] ?? null;
}
