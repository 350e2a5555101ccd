/**
 * The password rules, one module for the server and the console. A password people choose has at least
 * PASSWORD_MIN_LENGTH characters, no blanks at either end, and a zxcvbn-ts strength score of at least
 * PASSWORD_MIN_SCORE, estimated with the common password lists and English dictionaries and with the user's own
 * username, name and company as words an attacker would try first. The verdict names what is wrong.
 *
 * The estimator and its dictionaries (about 1.5 MB) load on first use through dynamic imports, so neither the
 * console's first page nor the server's start pays for them.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's scale: 3 is "safely unguessable" (about 10^10 guesses), the usual bar behind a slow hash. */
export const PASSWORD_MIN_SCORE = 3;

export const PASSWORD_PROBLEMS = [
  'password_too_short',
  'password_too_long',
  'password_whitespace',
  'password_contains_username',
  'password_contains_name',
  'password_contains_company',
  'password_too_common',
  'password_predictable',
  'password_too_weak',
] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** What the password must not be built from: the account's own words. */
export interface PasswordInputs {
  username?: string | null;
  displayName?: string | null;
  companyName?: string | null;
}

export interface PasswordVerdict {
  /** 0 (guessed at once) … 4 (very hard to guess) */
  score: number;
  problem: PasswordProblem | null;
}

export type PasswordChecker = (password: string, inputs: PasswordInputs) => PasswordVerdict;

/** The rules that need no dictionary; they come first, so that the estimator never sees blanks or a novel. */
export function basicPasswordProblem(password: string): PasswordProblem | null {
  if (password.trim() !== password) return 'password_whitespace';
  if (password.length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'password_too_long';
  return null;
}

/** zxcvbn's warning keys, by what the user is told. */
const WARNINGS: Record<string, PasswordProblem> = {
  topTen: 'password_too_common',
  topHundred: 'password_too_common',
  common: 'password_too_common',
  similarToCommon: 'password_too_common',
  wordByItself: 'password_too_common',
  namesByThemselves: 'password_too_common',
  commonNames: 'password_too_common',
  pwned: 'password_too_common',
  straightRow: 'password_predictable',
  keyPattern: 'password_predictable',
  simpleRepeat: 'password_predictable',
  extendedRepeat: 'password_predictable',
  sequences: 'password_predictable',
  recentYears: 'password_predictable',
  dates: 'password_predictable',
};

let loading: Promise<PasswordChecker> | undefined;

/** Loads the estimator once (later calls share the same promise) and returns the full check. */
export function loadPasswordChecker(): Promise<PasswordChecker> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      maxLength: PASSWORD_MAX_LENGTH,
    });
    return (password, inputs) => {
      const basic = basicPasswordProblem(password);
      if (basic) return { score: 0, problem: basic };
      const own = ownWords(inputs);
      const result = zxcvbn.check(password, own.map((w) => w.word));
      if (result.score >= PASSWORD_MIN_SCORE) return { score: result.score, problem: null };
      const match = result.sequence.find((m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs');
      const word = match && 'matchedWord' in match ? String(match.matchedWord).toLowerCase() : null;
      const source = word ? own.find((w) => w.word === word)?.source : undefined;
      const problem = source ?? (result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined) ?? 'password_too_weak';
      return { score: result.score, problem };
    };
  })();
  return loading;
}

/** The account's words in lower case; a username such as `li.wei` also as `liwei` and, for parts of three letters or more, `wei`. */
function ownWords(inputs: PasswordInputs): { word: string; source: PasswordProblem }[] {
  const words: { word: string; source: PasswordProblem }[] = [];
  const add = (value: string | null | undefined, source: PasswordProblem) => {
    const word = value?.trim().toLowerCase();
    if (word && !words.some((w) => w.word === word)) words.push({ word, source });
  };
  add(inputs.username, 'password_contains_username');
  add(inputs.username?.replace(/[._-]+/g, ''), 'password_contains_username');
  for (const part of inputs.username?.split(/[._-]+/) ?? []) if (part.length >= 3) add(part, 'password_contains_username');
  add(inputs.displayName, 'password_contains_name');
  add(inputs.companyName, 'password_contains_company');
  return words;
}
