/**
 * A company's words for text analysis (GET/PUT /kpi-theme-words): extra words kept whole, extra stop words, and
 * synonyms counted as one theme, on top of the bundled property-domain dictionary (theme-dictionary.ts). Stored as
 * JSON in `companies.theme_words` with a version that goes up with every change, which the cached segmentations
 * key on (theme-index.ts). Every change is audited.
 */
import type { ThemeWords, ThemeWordsView } from '../../shared/schemas/kpis.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { normalizeWord } from './segmentation.js';
import { DOMAIN_WORDS, STOP_WORDS } from './theme-dictionary.js';

export interface StoredThemeWords extends ThemeWords {
  version: number;
}

const EMPTY: StoredThemeWords = { words: [], stopWords: [], synonyms: [], version: 0 };

export function parseThemeWords(json: string | null): StoredThemeWords {
  return json ? { ...EMPTY, ...(JSON.parse(json) as Partial<StoredThemeWords>) } : EMPTY;
}

export async function loadThemeWords(db: Db, companyId: number): Promise<StoredThemeWords> {
  const row = await db.selectFrom('companies').select('theme_words').where('id', '=', companyId).executeTakeFirst();
  return parseThemeWords(row?.theme_words ?? null);
}

const view = ({ words, stopWords, synonyms }: ThemeWords): ThemeWordsView => ({ words, stopWords, synonyms, bundledWords: [...DOMAIN_WORDS], bundledStopWords: [...STOP_WORDS] });

/** One spelling of each word, in the order given (a repeated word is kept once). */
const unique = (list: readonly string[]) => [...new Map(list.map((w) => [normalizeWord(w), w.trim()])).values()];

export async function getThemeWords(db: Db, ctx: Ctx): Promise<ThemeWordsView> {
  requirePermission(ctx, 'kpis.configure');
  return view(await loadThemeWords(db, ctx.companyId));
}

export async function updateThemeWords(db: Db, ctx: Ctx, input: ThemeWords): Promise<ThemeWordsView> {
  requirePermission(ctx, 'kpis.configure');
  const before = await loadThemeWords(db, ctx.companyId);
  const next: ThemeWords = {
    words: unique(input.words),
    stopWords: unique(input.stopWords),
    synonyms: input.synonyms.map((s) => ({ term: s.term.trim(), variants: unique(s.variants) })),
  };
  const diff = changes({ words: before.words, stopWords: before.stopWords, synonyms: before.synonyms }, next);
  if (diff.changed) {
    const stored: StoredThemeWords = { ...next, version: before.version + 1 };
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('companies').set({ theme_words: JSON.stringify(stored) }).where('id', '=', ctx.companyId).execute();
      await recordAudit(trx, actorOf(ctx), { action: 'kpi_theme_words.update', entityType: 'company', entityId: ctx.companyId, before: diff.before, after: diff.after });
    });
  }
  return view(next);
}
