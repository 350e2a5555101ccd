/**
 * Improvement measures (改进措施): what was done about a service dimension or an issue category, in one community or
 * company-wide, and its effect — that dimension's satisfaction or that category's issues in the months before and
 * after the start (docs/kpis.md "Improvement measures").
 */
import { z } from 'zod';
import { DateOnly, Id, IdParam, PageQuery, textInteger, Timestamp } from './common.js';
import { KpiUnit } from './kpis.js';

export const MeasureTargetKind = z.enum(['dimension', 'category']);
export type MeasureTargetKind = z.infer<typeof MeasureTargetKind>;
export const MeasureStatus = z.enum(['planned', 'in_progress', 'done']);
export type MeasureStatus = z.infer<typeof MeasureStatus>;

/** What a measure is about: a service dimension by name (保洁, as questions name it) or an issue category. */
export const MeasureTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dimension'), dimension: z.string().trim().min(1).max(30) }),
  z.strictObject({ kind: z.literal('category'), categoryId: Id }),
]);
export type MeasureTarget = z.infer<typeof MeasureTarget>;

export const ImprovementMeasure = z
  .object({
    id: Id,
    communityId: Id.nullable().meta({ description: 'null: company-wide' }),
    communityName: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    targetKind: MeasureTargetKind,
    dimension: z.string().nullable().meta({ description: 'The service dimension (targetKind dimension)' }),
    categoryId: Id.nullable().meta({ description: 'The issue category (targetKind category)' }),
    categoryName: z.string().nullable(),
    startDate: DateOnly,
    endDate: DateOnly.nullable(),
    ownerId: Id.nullable(),
    ownerName: z.string().nullable(),
    status: MeasureStatus,
    canManage: z.boolean().meta({ description: 'Whether the caller may change or delete it (a company-wide measure needs company-wide scope)' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'ImprovementMeasure' });
export type ImprovementMeasure = z.infer<typeof ImprovementMeasure>;

const Title = z.string().trim().min(1).max(100);
const Description = z.string().trim().max(2000);

export const CreateMeasureBody = z.strictObject({
  communityId: Id.nullable().meta({ description: 'null: company-wide (needs company-wide scope)' }),
  title: Title,
  description: Description.default(''),
  target: MeasureTarget,
  startDate: DateOnly,
  endDate: DateOnly.nullable().optional(),
  ownerId: Id.nullable().optional(),
  status: MeasureStatus.default('planned'),
});
export type CreateMeasureBody = z.infer<typeof CreateMeasureBody>;
export type CreateMeasureInput = z.input<typeof CreateMeasureBody>;

/** The community of a measure does not change: delete it and record it again. */
export const UpdateMeasureBody = z.strictObject({
  title: Title.optional(),
  description: Description.optional(),
  target: MeasureTarget.optional(),
  startDate: DateOnly.optional(),
  endDate: DateOnly.nullable().optional(),
  ownerId: Id.nullable().optional(),
  status: MeasureStatus.optional(),
});
export type UpdateMeasureBody = z.infer<typeof UpdateMeasureBody>;

export const MeasureListQuery = PageQuery.extend({
  communityId: IdParam.optional().meta({ description: 'Measures of one community (company-wide ones are listed with companyWide=true)' }),
  companyWide: z.enum(['true', 'false']).optional().meta({ description: 'true: only company-wide measures; false: only community ones' }),
  status: MeasureStatus.optional(),
  targetKind: MeasureTargetKind.optional(),
});
export type MeasureListQuery = z.infer<typeof MeasureListQuery>;

export const MeasureParams = z.object({ measureId: IdParam });

/** The effect window: 1–12 months either side of the start, default 3. */
export const MAX_WINDOW_MONTHS = 12;
export const MeasureEffectQuery = z.strictObject({
  windowMonths: textInteger(z.number().int().min(1).max(MAX_WINDOW_MONTHS))
    .default(3)
    .meta({ description: `Months before and after the start date: 1–${MAX_WINDOW_MONTHS}, default 3` }),
});
export type MeasureEffectQuery = z.infer<typeof MeasureEffectQuery>;

export const EffectReason = z.enum(['no_answers', 'no_households', 'not_started']);
export type EffectReason = z.infer<typeof EffectReason>;

export const EffectWindow = z
  .object({
    from: DateOnly,
    to: DateOnly.meta({ description: 'Last day counted, included; before `from` when the window has not begun' }),
    days: z.number().int(),
    complete: z.boolean().meta({ description: 'false when the window was cut at today' }),
  })
  .meta({ id: 'EffectWindow' });
export type EffectWindow = z.infer<typeof EffectWindow>;

export const EffectValue = z
  .object({
    value: z.number().nullable().meta({ description: 'Rounded to one decimal; null when there is nothing to compute it from (see reason)' }),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    n: z.number().int().meta({ description: 'Visits that rated the dimension; issues raised; households on the roster' }),
    reason: EffectReason.nullable(),
  })
  .meta({ id: 'EffectValue' });
export type EffectValue = z.infer<typeof EffectValue>;

export const EffectKey = z.enum(['satisfaction_rate', 'dimension_score', 'issues_raised', 'issues_per_100']);
export type EffectKey = z.infer<typeof EffectKey>;

export const EffectFigure = z
  .object({
    key: EffectKey,
    unit: KpiUnit,
    better: z.enum(['higher', 'lower']).meta({ description: 'Which way is an improvement' }),
    before: EffectValue,
    after: EffectValue,
    change: z.number().nullable().meta({ description: 'after − before, rounded to one decimal (points for rates and scores); null when either is null' }),
    smallSample: z.boolean().meta({ description: 'Either window stands on fewer than 30 rows' }),
  })
  .meta({ id: 'EffectFigure' });
export type EffectFigure = z.infer<typeof EffectFigure>;

export const Verdict = z.enum(['improved', 'worsened', 'unchanged', 'unknown', 'too_early']);
export type Verdict = z.infer<typeof Verdict>;

export const MeasureEffect = z
  .object({
    measure: ImprovementMeasure,
    windowMonths: z.number().int(),
    today: DateOnly,
    communityId: Id.nullable(),
    wholeCompany: z.boolean().meta({ description: 'false when a company-wide measure is read by someone who sees only some communities: the figures are of those' }),
    before: EffectWindow,
    after: EffectWindow,
    afterComplete: z.boolean().meta({ description: 'false while the after window has not run its full length (cut at today)' }),
    figures: z.array(EffectFigure).meta({ description: 'The first figure decides the verdict' }),
    verdict: Verdict.meta({
      description:
        'By the first figure: improved / worsened / unchanged; unknown when either side has no value; too_early for issue counts whose after window is not complete',
    }),
  })
  .meta({ id: 'MeasureEffect' });
export type MeasureEffect = z.infer<typeof MeasureEffect>;
