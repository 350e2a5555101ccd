/**
 * The segmented free texts of a month, company-wide, kept in memory: each text's themes, its community and
 * date. Segmenting a large company's month (~85,000 texts) takes about a second, so it is done once per
 * (company, month, dictionary version) and kept in a small LRU, checked on every use against a fingerprint of
 * the month's rows that triggers keep (freeTextsFingerprint); when rows were added or corrected, only the
 * texts that are new or changed are segmented again. GET /kpis/themes and its texts read the same entries,
 * so a theme's texts are exactly the ones counted. The caller's scope is applied by community on top. The
 * counts of each month are also stored (theme_month_counts), so that after a restart the themes answer from
 * them while the month's rows are unchanged, without segmenting six months first.
 */
import { themeMonthOf, type Period, type ThemeTextSource } from '../../shared/schemas/kpis.js';
import { monthOf } from '../../shared/schemas/kpis.js';
import { shanghaiDate } from '../../shared/shanghai.js';
import { shanghaiToday } from '../clock.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { scopedCommunities } from '../scope.js';
import { toRange } from './get-kpis.js';
import { freeTexts, freeTextsFingerprint } from './queries.js';
import { lexiconOf, loadSegmenter, termsOf, type Lexicon } from './segmentation.js';
import { loadThemeWords } from './theme-words.js';

export interface IndexedText {
  source: ThemeTextSource;
  id: number;
  communityId: number;
  /** the visit date, or the Shanghai day an issue was raised */
  date: string;
  /** FNV-1a of the text: a corrected text is segmented again */
  hash: number;
  terms: readonly string[];
}

interface Entry {
  fingerprint: string;
  texts: IndexedText[];
}

/** At most this many segmented texts are kept (about eight months of a company of a million visits a year). */
const MAX_CACHED_TEXTS = 700_000;
const MAX_ENTRIES = 64;
const YIELD_EVERY = 2000;

/** One cache per database, so that two servers (or test apps) in one process never share entries. */
const caches = new WeakMap<Db, Map<string, Entry>>();
const building = new Map<string, Promise<IndexedText[]>>();

/** Forgets the segmented texts kept for a database, as a restart of the app does. */
export function forgetSegmentedTexts(db: Db): void {
  caches.delete(db);
}

function cacheOf(db: Db) {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The month of a themes request (default the current Shanghai month); another period is 400 naming `period`. */
export function themePeriodOf(text: string | undefined): Period {
  const parsed = text ? themeMonthOf(text) : monthOf(shanghaiToday());
  if (typeof parsed === 'string') throw new AppError('validation_failed', 400, { count: 1 }, { errors: [{ path: 'period', code: 'custom', key: parsed }] });
  return parsed;
}

/** The company's lexicon: the bundled dictionary with its words, stop words and synonyms. */
export async function companyLexicon(db: Db, ctx: Ctx): Promise<Lexicon> {
  const words = await loadThemeWords(db, ctx.companyId);
  return lexiconOf(words, words.version);
}

/** Whether a community's texts are the caller's: the one asked for, else the caller's communities. */
export async function themeScope(db: Db, ctx: Ctx, communityId: number | null): Promise<(communityId: number) => boolean> {
  if (communityId !== null) return (id) => id === communityId;
  if (ctx.allCommunities) return () => true;
  const ids = new Set((await scopedCommunities(db, ctx).select('communities.id').execute()).map((c) => Number(c.id)));
  return (id) => ids.has(id);
}

/** The segmented texts of a month, company-wide, from the cache when the month's rows have not changed. */
export async function monthTexts(db: Db, ctx: Ctx, lexicon: Lexicon, month: Period, known?: string): Promise<IndexedText[]> {
  const range = toRange(month);
  const key = `${ctx.companyId}|${month.from}|${lexicon.version}`;
  const cache = cacheOf(db);
  const fingerprint = known ?? (await freeTextsFingerprint(db, ctx, month.from));
  const cached = cache.get(key);
  if (cached?.fingerprint === fingerprint) {
    cache.delete(key);
    cache.set(key, cached);
    return cached.texts;
  }
  const pending = `${key}|${fingerprint}`;
  let build = building.get(pending);
  if (!build) {
    build = (async () => {
      const texts = await segmentMonth(db, ctx, lexicon, range, cached?.texts ?? []);
      cache.delete(key);
      cache.set(key, { fingerprint, texts });
      evict(cache);
      return texts;
    })().finally(() => building.delete(pending));
    building.set(pending, build);
  }
  return build;
}

/** A month's texts of one community: how many, and how many of them name each theme. */
export interface ThemeCounts {
  texts: number;
  terms: Map<string, number>;
}

const countsMemo = new WeakMap<readonly IndexedText[], Map<number, ThemeCounts>>();

function countByCommunity(texts: readonly IndexedText[]): Map<number, ThemeCounts> {
  let out = countsMemo.get(texts);
  if (out) return out;
  out = new Map();
  for (const t of texts) {
    let c = out.get(t.communityId);
    if (!c) out.set(t.communityId, (c = { texts: 0, terms: new Map() }));
    c.texts++;
    for (const term of t.terms) c.terms.set(term, (c.terms.get(term) ?? 0) + 1);
  }
  countsMemo.set(texts, out);
  return out;
}

/** The header row of a month in theme_month_counts (no community has id 0). */
const HEADER = 0;

/**
 * The theme counts of a month per community, company-wide: from the segmented texts in memory when they are
 * current; else from theme_month_counts when they were counted with the same lexicon and the month's rows have
 * not changed since (after a restart, or on another app instance); else the month is segmented and its counts
 * stored for the next time.
 */
export async function monthThemeCounts(db: Db, ctx: Ctx, lexicon: Lexicon, month: Period): Promise<Map<number, ThemeCounts>> {
  const fingerprint = await freeTextsFingerprint(db, ctx, month.from);
  const cached = cacheOf(db).get(`${ctx.companyId}|${month.from}|${lexicon.version}`);
  if (cached?.fingerprint === fingerprint) return countByCommunity(cached.texts);
  const monthKey = month.from.slice(0, 7);
  const stored = await db
    .selectFrom('theme_month_counts')
    .select(['community_id', 'lexicon', 'fingerprint', 'texts', 'terms'])
    .where('company_id', '=', ctx.companyId)
    .where('month', '=', monthKey)
    .execute();
  const head = stored.find((r) => Number(r.community_id) === HEADER);
  if (head && head.lexicon === lexicon.version && head.fingerprint === fingerprint && stored.every((r) => r.fingerprint === fingerprint && r.lexicon === lexicon.version)) {
    return new Map(
      stored
        .filter((r) => Number(r.community_id) !== HEADER)
        .map((r) => [Number(r.community_id), { texts: Number(r.texts), terms: new Map(Object.entries(JSON.parse(r.terms) as Record<string, number>)) }]),
    );
  }
  const counts = countByCommunity(await monthTexts(db, ctx, lexicon, month, fingerprint));
  const rows = [
    { community_id: HEADER, texts: [...counts.values()].reduce((a, c) => a + c.texts, 0), terms: '{}' },
    ...[...counts].map(([communityId, c]) => ({ community_id: communityId, texts: c.texts, terms: JSON.stringify(Object.fromEntries(c.terms)) })),
  ].map((r) => ({ ...r, company_id: ctx.companyId, month: monthKey, lexicon: lexicon.version, fingerprint }));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('theme_month_counts').where('company_id', '=', ctx.companyId).where('month', '=', monthKey).execute();
    // Another instance may store the same month at the same time: the later write wins, both are the month's counts.
    for (let i = 0; i < rows.length; i += 100) {
      await trx
        .insertInto('theme_month_counts')
        .values(rows.slice(i, i + 100))
        .onConflict((oc) => oc.columns(['company_id', 'month', 'community_id']).doUpdateSet((eb) => ({ lexicon: eb.ref('excluded.lexicon'), fingerprint: eb.ref('excluded.fingerprint'), texts: eb.ref('excluded.texts'), terms: eb.ref('excluded.terms') })))
        .execute();
    }
  });
  return counts;
}

function evict(cache: Map<string, Entry>) {
  let total = 0;
  for (const e of cache.values()) total += e.texts.length;
  for (const [k, e] of cache) {
    if (total <= MAX_CACHED_TEXTS && cache.size <= MAX_ENTRIES) break;
    if (cache.size === 1) break;
    cache.delete(k);
    total -= e.texts.length;
  }
}

async function segmentMonth(db: Db, ctx: Ctx, lexicon: Lexicon, range: ReturnType<typeof toRange>, before: readonly IndexedText[]): Promise<IndexedText[]> {
  const [segmenter, rows] = await Promise.all([loadSegmenter(), freeTexts(db, ctx, range)]);
  const known = new Map(before.map((t) => [`${t.source}:${t.id}`, t]));
  // One string per term, shared by every text that has it.
  const interned = new Map<string, string>();
  const pending: [ThemeTextSource, number, number, string, string][] = [];
  for (const r of rows.records) {
    pending.push(['opinions', Number(r.id), Number(r.community_id), String(r.visit_date), r.opinions]);
    pending.push(['suggestions', Number(r.id), Number(r.community_id), String(r.visit_date), r.suggestions]);
  }
  for (const i of rows.issues) pending.push(['issue', Number(i.id), Number(i.community_id), shanghaiDate(String(i.raised_at)), i.description]);
  const out: IndexedText[] = [];
  for (const [n, [source, id, communityId, date, text]] of pending.entries()) {
    // Other requests are served between chunks: a large month takes the segmenter about half a second.
    if (n > 0 && n % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    if (!text.trim()) continue;
    const hash = hashOf(text);
    const old = known.get(`${source}:${id}`);
    const terms = old && old.hash === hash ? old.terms : termsOf(segmenter, lexicon, text).map((w) => interned.get(w) ?? (interned.set(w, w), w));
    out.push({ source, id, communityId, date, hash, terms });
  }
  return out;
}
