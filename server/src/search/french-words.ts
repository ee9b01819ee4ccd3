/**
 * How search reads French: words with their accents folded (« réseau » = « reseau »), without the
 * little words that say nothing (« le », « des », « l’ »), and reduced to a stem by a light
 * stemmer, so that « réseaux » finds « réseau », « capteurs » finds « capteur » and « économiques »
 * finds « économie ».
 *
 * SQLite's FTS5 has no French stemmer: the index and the query both go through `stem` here.
 * PostgreSQL stems with its own French dictionary; there these functions only mark the words of a
 * snippet. The stemmer is « light » on purpose (plurals, feminines, a few derivations, the -er
 * infinitive): it rather misses a far-fetched match than merges unrelated words.
 */

/** One word of a text, where it is (UTF-16 offsets in the original text) and its folded form. */
export interface Word {
  start: number;
  end: number;
  /** Lower case, accents and ligatures folded: « Œuvre » → « oeuvre ». */
  folded: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** Lower case without accents: what both the index and the query are compared on. */
export function foldAccents(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œæß]/g, (letter) => LIGATURES[letter] ?? letter);
}

/** The words of `text`: runs of letters and digits (apostrophes and hyphens separate words). */
export function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({ start: match.index, end: match.index + match[0].length, folded: foldAccents(match[0]) }));
}

/** Articles, prepositions, pronouns and the like, folded: they match everything, so they match nothing. */
const STOP_WORDS = new Set(
  (
    'a au aux avec c ce ces cet cette d dans de des du elle elles en est et etre il ils j je l la le les leur leurs lui ' +
    'm ma me mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa se ses son sont sur t ta te tes toi ton tu ' +
    'un une vos votre vous y'
  ).split(' '),
);

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}

/** A stem keeps at least this many letters: « rues » → « rue », never « ru ». */
const MIN_STEM = 3;

/** Endings replaced by what they become, longest first within each family. */
const SUFFIXES: readonly (readonly [string, string])[] = [
  ['ation', ''], // expérimentation → expériment (as expérimenter → expériment)
  ['ement', ''], // équipement → équip (as équiper), également → égal
  ['trice', 'teur'], // animatrice → animateur
  ['ique', ''], // économique → économ (as économie)
  ['euse', 'eu'], // heureuse → heureu (as heureux)
  ['elle', 'el'], // naturelle → naturel
  ['enne', 'en'], // européenne → européen
  ['age', ''], // arrosage → arros (as arroser)
  ['ive', 'if'], // participative → participatif
  ['ie', ''], // économie → économ, technologie → technolog
  ['ee', ''], // donnée → donn (as donner)
  ['er', ''], // arroser → arros
  ['e', ''], // mesure → mesur (as mesurer), fuite → fuit
];

function withoutPlural(word: string): string {
  if (word.endsWith('eaux')) return word.slice(0, -1); // réseaux → réseau
  if (word.endsWith('aux') && word.length > 4) return `${word.slice(0, -3)}al`; // territoriaux → territorial
  if (/[eo]ux$/.test(word)) return word.slice(0, -1); // heureux → heureu, genoux → genou
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function withoutSuffix(word: string): string {
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length + replacement.length >= MIN_STEM) {
      return word.slice(0, word.length - suffix.length) + replacement;
    }
  }
  return word;
}

/**
 * The stem of a folded word. Two suffix passes, so that a feminine or a plural then its ending
 * both go (« premières » → « premiere » → « premier » → « premi », as « premier »).
 */
export function stem(folded: string): string {
  if (folded.length <= MIN_STEM || /^\d+$/.test(folded)) return folded;
  return withoutSuffix(withoutSuffix(withoutPlural(folded)));
}

/** The stems of a text's meaningful words, in order (repeats kept): what FTS5 indexes. */
export function stems(text: string): string[] {
  return words(text).flatMap((word) => (isStopWord(word.folded) ? [] : [stem(word.folded)]));
}

/** The distinct stems of a query: every one must be found for a hit. */
export function queryStems(query: string): string[] {
  return [...new Set(stems(query))];
}
