/**
 * The segmented free texts of a month, company-wide, kept in memory: each text's themes, its community and
 * date. Segmenting a large company's month (~85,000 texts) takes about a second, so it is done once per
 * (company, month, dictionary version) and kept in a small LRU, checked on every use against a fingerprint of
 * the month's rows read from the indexes (freeTextsFingerprint); when rows were added or corrected, only the
 * texts that are new or changed are segmented again. GET /kpis/themes and its texts read the same entries,
 * so a theme's texts are exactly the ones counted. The caller's scope is applied by community on top.
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
export async function monthTexts(db: Db, ctx: Ctx, lexicon: Lexicon, month: Period): Promise<IndexedText[]> {
  const range = toRange(month);
  const key = `${ctx.companyId}|${month.from}|${lexicon.version}`;
  const cache = cacheOf(db);
  const fingerprint = await freeTextsFingerprint(db, ctx, range);
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
