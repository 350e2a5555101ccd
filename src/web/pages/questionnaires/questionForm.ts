/**
 * Questions as the editor form holds them (a show-if value is typed as text) and back to the API shape,
 * typing the show-if value after the question it refers to: numbers for scores, true/false for yes/no.
 */
import type { Question, QuestionType } from '../../api/questionnaires';

export interface QuestionDraft {
  key: string;
  type: QuestionType;
  title: string;
  help?: string;
  required?: boolean;
  dimension?: string | null;
  allowNotApplicable?: boolean;
  options?: { value: string; label: string }[];
  showIf?: { question?: string; op?: 'lte' | 'gte' | 'eq' | 'in'; value?: string };
}

export const CHOICE_TYPES: readonly QuestionType[] = ['single', 'multiple'];

export function toDraft(q: Question): QuestionDraft {
  return {
    ...q,
    showIf: q.showIf ? { question: q.showIf.question, op: q.showIf.op, value: Array.isArray(q.showIf.value) ? q.showIf.value.join(',') : String(q.showIf.value) } : undefined,
  };
}

function typed(text: string, sourceType: QuestionType | undefined): string | number | boolean {
  const v = text.trim();
  if (sourceType === 'rating' || sourceType === 'nps') return Number(v);
  if (sourceType === 'yesno') return v === 'true' || v === '是' || v === 'yes';
  return v;
}

export function fromDraft(drafts: QuestionDraft[]): Question[] {
  return drafts.map((d) => {
    const q: Question = { key: d.key.trim(), type: d.type, title: d.title.trim(), required: !!d.required };
    if (d.help?.trim()) q.help = d.help.trim();
    if (d.type === 'rating') {
      if (d.dimension) q.dimension = d.dimension;
      if (d.allowNotApplicable) q.allowNotApplicable = true;
    }
    if (CHOICE_TYPES.includes(d.type)) q.options = (d.options ?? []).filter((o) => o?.value && o?.label);
    const rule = d.showIf;
    if (rule?.question && rule.op && rule.value !== undefined && rule.value !== '') {
      const sourceType = drafts.find((x) => x.key === rule.question)?.type;
      q.showIf = {
        question: rule.question,
        op: rule.op,
        value:
          rule.op === 'in'
            ? rule.value.split(/[,，、]/).map((part) => typed(part, sourceType)).filter((x): x is string | number => typeof x !== 'boolean')
            : typed(rule.value, sourceType),
      };
    }
    return q;
  });
}
