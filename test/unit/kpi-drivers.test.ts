/**
 * The key drivers' arithmetic (src/server/kpis/drivers.ts): Pearson's r from sums, the squared-correlation
 * shares, the quadrant split at the means, the minimum sample, and which question is the overall one.
 */
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/shared/schemas/questionnaires.js';
import { isOverall } from '../../src/server/questionnaires/answer-tally.js';
import { analyseDrivers, pearson, quadrantOf, versionPlan, type DimensionSums } from '../../src/server/kpis/drivers.js';

/** The sums of pairs (x, y) repeated `times` times, and the answers' sums for the score. */
function sumsOf(dimension: string, pairs: [number, number][], times = 1): DimensionSums {
  const all = Array.from({ length: times }, () => pairs).flat();
  const s = (f: (p: [number, number]) => number) => all.reduce((a, p) => a + f(p), 0);
  return {
    dimension,
    n: all.length,
    sx: s(([x]) => x),
    sy: s(([, y]) => y),
    sxx: s(([x]) => x * x),
    syy: s(([, y]) => y * y),
    sxy: s(([x, y]) => x * y),
    answerSum: s(([x]) => x),
    answerCount: all.length,
    ratedBy: all.length,
  };
}

describe('pearson', () => {
  it('is 1 for a perfect rise, −1 for a perfect fall', () => {
    expect(pearson(sumsOf('a', [[1, 1], [2, 2], [3, 3]]))).toBeCloseTo(1, 12);
    expect(pearson(sumsOf('a', [[1, 3], [2, 2], [3, 1]]))).toBeCloseTo(-1, 12);
  });

  it('matches a hand computation: x 2 1 4 3 5 against y 1 2 3 4 5 is Σdxdy 8 ÷ √(10 × 10) = 0.8', () => {
    // deviations of x: −1 −2 1 0 2; of y: −2 −1 0 1 2; Σdxdy = 2 + 2 + 0 + 0 + 4 = 8; Σdx² = Σdy² = 10.
    expect(pearson(sumsOf('a', [[2, 1], [1, 2], [4, 3], [3, 4], [5, 5]]))).toBeCloseTo(0.8, 12);
  });

  it('matches a hand computation with uneven deviations: x 3 3 4 5 5 against y 1 2 3 4 5 is 6 ÷ √40', () => {
    expect(pearson(sumsOf('a', [[3, 1], [3, 2], [4, 3], [5, 4], [5, 5]]))).toBeCloseTo(6 / Math.sqrt(40), 12);
  });

  it('does not change when every pair is repeated', () => {
    const pairs: [number, number][] = [[3, 1], [3, 2], [4, 3], [5, 4], [5, 5]];
    expect(pearson(sumsOf('a', pairs, 7))).toBeCloseTo(pearson(sumsOf('a', pairs)) ?? NaN, 12);
  });

  it('is null with fewer than two pairs, or when either side does not vary', () => {
    expect(pearson(sumsOf('a', [[3, 4]]))).toBeNull();
    expect(pearson(sumsOf('a', [[3, 1], [3, 2], [3, 5]]))).toBeNull();
    expect(pearson(sumsOf('a', [[1, 4], [2, 4], [5, 4]]))).toBeNull();
  });
});

describe('quadrantOf', () => {
  it('splits at the means, a tie counting as high', () => {
    expect(quadrantOf(0.8, 90, 0.5, 70)).toBe('keep');
    expect(quadrantOf(0.8, 60, 0.5, 70)).toBe('improve');
    expect(quadrantOf(0.2, 90, 0.5, 70)).toBe('maintain');
    expect(quadrantOf(0.2, 60, 0.5, 70)).toBe('secondary');
    expect(quadrantOf(0.5, 70, 0.5, 70)).toBe('keep');
  });
});

describe('analyseDrivers', () => {
  const y = [1, 2, 3, 4, 5];
  const pairs = (xs: number[]): [number, number][] => xs.map((x, i) => [x, y[i]]);

  it('gives importance, shares of r² summing to 100 and quadrants at the means; a small sample has none', () => {
    const result = analyseDrivers(
      [
        sumsOf('保洁', pairs([1, 2, 3, 4, 5]), 6), // r 1, score 50
        sumsOf('安保', pairs([2, 1, 4, 3, 5]), 6), // r 0.8, score 50
        sumsOf('维修', pairs([4, 5, 4, 5, 4]), 6), // r 0, score 85
        sumsOf('绿化', pairs([5, 5, 5, 4, 4]), 5), // n 25 < 30; score (4.6 − 1) ÷ 4 × 100 = 90
      ],
      30,
    );
    // means over 保洁, 安保, 维修: importance 1.8 ÷ 3 = 0.6, performance 185 ÷ 3 = 61.7
    expect(result.importanceMean).toBe(0.6);
    expect(result.performanceMean).toBe(61.7);
    expect(result.dimensions).toEqual([
      { dimension: '保洁', performance: 50, ratedBy: 30, n: 30, importance: 1, share: 61, insufficient: false, quadrant: 'improve' },
      { dimension: '安保', performance: 50, ratedBy: 30, n: 30, importance: 0.8, share: 39, insufficient: false, quadrant: 'improve' },
      { dimension: '维修', performance: 85, ratedBy: 30, n: 30, importance: 0, share: 0, insufficient: false, quadrant: 'maintain' },
      { dimension: '绿化', performance: 90, ratedBy: 25, n: 25, importance: null, share: null, insufficient: true, quadrant: null },
    ]);
    // 1 ÷ 1.64 = 61.0 %, 0.64 ÷ 1.64 = 39.0 %
    expect(result.dimensions.reduce((a, d) => a + (d.share ?? 0), 0)).toBeCloseTo(100, 6);
  });

  it('gives a negative correlation its importance but no share', () => {
    // 收费 x 3 2 2 1 1: deviations 1.2 .2 .2 −.8 −.8, Σdxdy = −5, Σdx² = 2.8, r = −5 ÷ √28; score (1.8 − 1) ÷ 4 × 100 = 20
    const result = analyseDrivers([sumsOf('保洁', pairs([1, 2, 3, 4, 5]), 6), sumsOf('收费', pairs([3, 2, 2, 1, 1]), 6)], 30);
    expect(result.dimensions.map((d) => [d.dimension, d.importance, d.share, d.performance, d.quadrant])).toEqual([
      ['保洁', 1, 100, 50, 'keep'],
      ['收费', Math.round((-5 / Math.sqrt(28)) * 1000) / 1000, 0, 20, 'secondary'],
    ]);
  });

  it('has no means and no quadrants when no dimension has enough answers', () => {
    const result = analyseDrivers([sumsOf('保洁', pairs([1, 2, 3, 4, 5]))], 30);
    expect(result).toMatchObject({ importanceMean: null, performanceMean: null });
    expect(result.dimensions[0]).toMatchObject({ insufficient: true, importance: null, quadrant: null, performance: 50 });
  });
});

describe('the overall question', () => {
  const q = (key: string, dimension?: string | null, type: Question['type'] = 'rating'): Question => ({ key, type, title: key, required: false, dimension });

  it('is the rating question keyed overall, or one of the dimension 总体 / 整体 / overall', () => {
    expect(isOverall(q('overall'))).toBe(true);
    expect(isOverall(q('zongti', '总体'))).toBe(true);
    expect(isOverall(q('all', 'Overall'))).toBe(true);
    expect(isOverall(q('cleaning', '保洁'))).toBe(false);
    expect(isOverall(q('overall', null, 'text'))).toBe(false);
  });

  it('is kept apart from the dimensions of a version', () => {
    const plan = versionPlan([q('cleaning', '保洁'), q('cleaning2', '保洁'), q('security', '安保'), q('overall'), q('recommend', null, 'nps'), q('other')]);
    expect(Object.fromEntries(plan.dimensions)).toEqual({ 保洁: ['cleaning', 'cleaning2'], 安保: ['security'] });
    expect(plan.overall).toEqual(['overall']);
  });
});
