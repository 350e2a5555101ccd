/**
 * Chinese word segmentation of free text with jieba (@node-rs/jieba: the Rust port of the jieba segmenter, its
 * general dictionary of ~350,000 words and no runtime of its own), loaded on the first request that needs it: its
 * dictionary takes ~0.3 s and ~45 MB to build, so the server makes one segmenter and shares it between companies.
 * The bundled property-domain words (theme-dictionary.ts) are added to it once. A company's own words are not
 * added to the shared dictionary (they would change every company's segmentation): the text is first split at
 * them, longest first, and only the pieces between them go through jieba.
 */
import type { Jieba } from '@node-rs/jieba';
import { lazy } from '../lazy.js';
import { DOMAIN_WORDS, STOP_WORDS } from './theme-dictionary.js';

/** A change of the bundled dictionary or of the rules below: the cached segmentations of an older one are not reused. */
export const SEGMENTATION_REVISION = 1;

export interface Segmenter {
  jieba: Jieba;
  /** the words jieba's dictionary tags as people's names (nr: 王先生, 刘女士): never a theme */
  names: ReadonlySet<string>;
}

export const loadSegmenter = lazy(async (): Promise<Segmenter> => {
  const [{ Jieba: JiebaClass }, { dict }] = await Promise.all([import('@node-rs/jieba'), import('@node-rs/jieba/dict.js')]);
  const jieba = JiebaClass.withDict(dict);
  // A high frequency keeps a domain word whole where the general dictionary would split it.
  jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 100000 n`).join('\n')));
  // Read from the dictionary once rather than tagging every text (jieba's tagging is ~2.7 times slower than cutting).
  const domain = new Set(DOMAIN_WORDS);
  const names = new Set<string>();
  for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
    const [word, , tag] = line.split(' ');
    if (tag?.startsWith('nr') && !domain.has(word)) names.add(word);
  }
  return { jieba, names };
});

/** The words of one company: what is kept whole, what is never a theme, which words count as another. */
export interface Lexicon {
  /** changes with the company's words: the key of the cached segmentations */
  version: string;
  stop: ReadonlySet<string>;
  canonical: ReadonlyMap<string, string>;
  /** the company's words, synonyms included, longest first, as one capturing pattern; null without any */
  forced: RegExp | null;
}

export interface LexiconWords {
  words: readonly string[];
  stopWords: readonly string[];
  synonyms: readonly { term: string; variants: readonly string[] }[];
}

/** A word as it is compared: full-width forms folded (ＷｉＦｉ → wifi), lower case. */
export const normalizeWord = (w: string) => w.normalize('NFKC').trim().toLowerCase();

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The lexicon of a company's words. A company's own word or synonym is counted even where the bundled stop words
 * list it (a company that tracks 物业费 as a theme may); the company's own stop words win over everything.
 */
export function lexiconOf(words: LexiconWords, version: number): Lexicon {
  const own = new Set(words.words.map(normalizeWord));
  const canonical = new Map<string, string>();
  for (const s of words.synonyms) {
    const term = normalizeWord(s.term);
    own.add(term);
    for (const v of s.variants) {
      const variant = normalizeWord(v);
      if (variant !== term) canonical.set(variant, term);
      own.add(variant);
    }
  }
  const stop = new Set(STOP_WORDS.map(normalizeWord).filter((w) => !own.has(w)));
  for (const w of words.stopWords) stop.add(normalizeWord(w));
  const forcedWords = [...own].filter((w) => [...w].length >= 2).sort((a, b) => b.length - a.length || a.localeCompare(b));
  return {
    version: `${SEGMENTATION_REVISION}.${version}`,
    stop,
    canonical,
    forced: forcedWords.length ? new RegExp(`(${forcedWords.map(escape).join('|')})`, 'gu') : null,
  };
}

const LETTER = /\p{L}/u;
const NUMBER_LIKE = /^[\p{N}.,:%\-/]+$/u;

/**
 * The themes of one text, each once: the words jieba finds (without HMM guessing of new words, so that a theme
 * is a word of a dictionary), the company's words as they are written, each read through the synonyms. Stop
 * words, people's names of jieba's dictionary (a company's own word is kept), words of one character, numbers and
 * punctuation are left out.
 */
export function termsOf({ jieba, names }: Segmenter, lexicon: Lexicon, text: string): string[] {
  const out = new Set<string>();
  const found = (token: string) => {
    if (names.has(token.trim())) return;
    add(token);
  };
  const add = (token: string) => {
    const word = token.trim();
    if ([...word].length < 2 || NUMBER_LIKE.test(word) || !LETTER.test(word)) return;
    const term = lexicon.canonical.get(word) ?? word;
    if (lexicon.stop.has(word) || lexicon.stop.has(term)) return;
    out.add(term);
  };
  const normalized = text.normalize('NFKC').toLowerCase();
  const parts = lexicon.forced ? normalized.split(lexicon.forced) : [normalized];
  parts.forEach((part, i) => {
    if (!part) return;
    if (i % 2 === 1) add(part);
    else for (const token of jieba.cut(part, false)) found(token);
  });
  return [...out];
}
