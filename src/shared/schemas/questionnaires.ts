/**
 * Questionnaire templates (问卷): versioned lists of questions. A published version never changes, so
 * answers recorded under it always mean what they meant.
 */
import { z } from 'zod';
import { Id, IdParam, PageQuery, Timestamp } from './common.js';

export const QuestionType = z.enum(['rating', 'nps', 'single', 'multiple', 'yesno', 'text']);
export type QuestionType = z.infer<typeof QuestionType>;

export const RATING_LABELS = ['非常不满意', '不满意', '一般', '满意', '非常满意'] as const;

export const QuestionKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'code_format' })
  .meta({ description: 'Stable key of a question within a questionnaire, e.g. cleaning' });

export const ShowIf = z
  .strictObject({
    question: QuestionKey,
    op: z.enum(['lte', 'gte', 'eq', 'in']),
    value: z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
  })
  .meta({ description: 'Ask this question only when the answer to `question` satisfies op/value, e.g. score ≤ 2' });

export const Question = z
  .strictObject({
    key: QuestionKey,
    type: QuestionType,
    title: z.string().trim().min(1).max(200),
    help: z.string().trim().max(500).optional(),
    required: z.boolean().default(false),
    /** rating questions may count towards a service dimension (保洁, 安保, …) */
    dimension: z.string().trim().max(30).nullable().optional(),
    /** rating questions may accept "不清楚 / not applicable" */
    allowNotApplicable: z.boolean().optional(),
    options: z.array(z.strictObject({ value: z.string().trim().min(1).max(40), label: z.string().trim().min(1).max(100) })).max(30).optional(),
    showIf: ShowIf.optional(),
  })
  .meta({ id: 'Question' });
export type Question = z.infer<typeof Question>;

export const QuestionnaireScope = z.enum(['company', 'community', 'propertyType']);

export const QuestionnaireVersion = z
  .object({ id: Id, version: z.number().int(), questions: z.array(Question), publishedAt: Timestamp, publishedBy: z.string().nullable() })
  .meta({ id: 'QuestionnaireVersion' });
export type QuestionnaireVersion = z.infer<typeof QuestionnaireVersion>;

export const Questionnaire = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string(),
    scope: QuestionnaireScope,
    communityId: Id.nullable(),
    propertyType: z.enum(['residential', 'commercial', 'mixed']).nullable(),
    status: z.enum(['active', 'archived']),
    builtin: z.boolean(),
    latestVersion: QuestionnaireVersion.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Questionnaire' });
export type Questionnaire = z.infer<typeof Questionnaire>;

export const QuestionnaireListQuery = PageQuery.extend({
  communityId: IdParam.optional().meta({ description: 'Only templates usable in this community' }),
  status: z.enum(['active', 'archived']).optional(),
});
export type QuestionnaireListQuery = z.infer<typeof QuestionnaireListQuery>;

const Definition = {
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).default(''),
  scope: QuestionnaireScope.default('company'),
  communityId: Id.nullable().optional(),
  propertyType: z.enum(['residential', 'commercial', 'mixed']).nullable().optional(),
};

export const CreateQuestionnaireBody = z.strictObject({ ...Definition, questions: z.array(Question).min(1).max(100) });
export type CreateQuestionnaireBody = z.infer<typeof CreateQuestionnaireBody>;
export const PublishVersionBody = z.strictObject({ questions: z.array(Question).min(1).max(100) });
export type PublishVersionBody = z.infer<typeof PublishVersionBody>;
export const UpdateQuestionnaireBody = z.strictObject({
  name: Definition.name.optional(),
  description: z.string().trim().max(1000).optional(),
  status: z.enum(['active', 'archived']).optional(),
});
export type UpdateQuestionnaireBody = z.infer<typeof UpdateQuestionnaireBody>;
export const DuplicateQuestionnaireBody = z.strictObject({ name: Definition.name });

/** An answer: a score, a choice, several choices, yes/no, text, or "not applicable". */
export const AnswerValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.string()), z.literal(null)]);
export const Answers = z.record(z.string(), AnswerValue).meta({
  description: 'Answers by question key; null or "n/a" for not applicable where allowed',
});
export type Answers = z.infer<typeof Answers>;
export { NOT_APPLICABLE } from '../questionnaire-logic.js';
