/** Table types of the service dimensions ratings count towards, questionnaire templates and their immutable versions. Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';

export interface ServiceDimensionsTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  position: number;
}

export interface QuestionnairesTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  description: string;
  scope: 'company' | 'community' | 'propertyType';
  community_id: number | null;
  property_type: 'residential' | 'commercial' | 'mixed' | null;
  status: 'active' | 'archived';
  builtin: number;
  created_at: string;
  updated_at: string;
}

export interface QuestionnaireVersionsTable {
  id: Generated<number>;
  questionnaire_id: number;
  company_id: number;
  version: number;
  /** JSON array of Question */
  questions: string;
  published_at: string;
  published_by: number | null;
}
