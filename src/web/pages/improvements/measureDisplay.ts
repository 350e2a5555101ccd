/**
 * How a measure and its effect are told: the target in words, the status colours, a figure's value with its unit,
 * and the plain-language sentence of a before/after comparison (“保洁 满意率 从 72% 升到 85%（n 40 → 52）”).
 */
import type { TFunction } from 'i18next';
import type { EffectFigure, EffectValue, ImprovementMeasure, MeasureStatus } from '../../../shared/schemas/improvements';

export const STATUS_COLORS: Record<MeasureStatus, string> = { planned: 'default', in_progress: 'processing', done: 'success' };

/** 服务维度 · 保洁, or 问题类别 · 保洁类. */
export function targetText(t: TFunction, m: Pick<ImprovementMeasure, 'targetKind' | 'dimension' | 'categoryName' | 'categoryId'>): string {
  const name = m.targetKind === 'dimension' ? m.dimension : (m.categoryName ?? `#${m.categoryId ?? ''}`);
  return `${t(`improvements.targetKinds.${m.targetKind}`)} · ${name ?? ''}`;
}

/** 72%, 62.5, 3, 0.8 — or — without a value. */
export function formatEffectValue(unit: EffectFigure['unit'], v: EffectValue): string {
  if (v.value === null) return '—';
  return unit === 'percent' ? `${v.value}%` : String(v.value);
}

/** The change with its sign, a rate's in points (+13 个百分点 / +13 pt). */
export function formatChange(t: TFunction, unit: EffectFigure['unit'], change: number | null): string {
  if (change === null) return '—';
  const value = `${change > 0 ? '+' : ''}${change}`;
  return unit === 'percent' ? t('improvements.detail.points', { value }) : value;
}

/** The sentence of one figure: subject rose / fell / stayed, with n on either side, or why it cannot be compared. */
export function effectSentence(t: TFunction, subject: string, f: EffectFigure): string {
  const missing = f.before.value === null ? f.before : f.after.value === null ? f.after : null;
  if (missing) return t('improvements.sentence.missing', { subject, reason: t(`improvements.reasons.${missing.reason ?? 'no_answers'}`) });
  const params = { subject, before: formatEffectValue(f.unit, f.before), after: formatEffectValue(f.unit, f.after), nBefore: f.before.n, nAfter: f.after.n };
  if (f.change === null || f.change === 0) return t('improvements.sentence.same', params);
  return t(f.change > 0 ? 'improvements.sentence.rose' : 'improvements.sentence.fell', params);
}
