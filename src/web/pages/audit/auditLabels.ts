/**
 * Known audit actions and entity types, with their translated labels. test/unit/audit-labels.test.ts fails
 * when the server writes an action or entity type that is missing here or in either language.
 */
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../shared/schemas/audit';

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.login_refused',
  'auth.logout',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.password_reset',
  'user.password_change',
  'user.profile_update',
  'role.create',
  'role.update',
  'role.delete',
  'community.create',
  'community.update',
  'community.delete',
  'department.create',
  'department.update',
  'household.create',
  'household.update',
  'household.merge',
  'resident.create',
  'resident.update',
  'resident.move_out',
  'resident.merge',
  'resident.reveal_phone',
  'resident.erase',
  'tag.create',
  'staff.create',
  'staff.update',
  'api_token.create',
  'api_token.revoke',
  'company.create',
  'roster.import',
  'roster.export',
  'questionnaire.create',
  'questionnaire.publish',
  'questionnaire.update',
  'task.create',
  'task.bulk_create',
  'task.assign',
  'task.update',
  'task.cancel',
  'task.attempt',
  'visit.record',
  'visit.record_backdated',
  'visit.correct',
  'visit.export',
  'issue.create',
  'issue.update',
  'issue.transition',
  'issue.reply',
  'issue.escalate',
  'issue.expected_date',
  'issue.export',
  'kpi.export',
  'issue_category.create',
  'issue_category.update',
  'issue_settings.update',
  'export_settings.update',
  'kpi_targets.update',
  'measure.create',
  'measure.update',
  'measure.delete',
  'kpi_theme_words.update',
  'calendar_override.create',
  'calendar_override.delete',
  'calendar_notice.create',
  'calendar_notice.replace',
  'calendar_notice.delete',
] as const;

export const AUDIT_ENTITY_TYPES = [
  'user',
  'role',
  'community',
  'department',
  'household',
  'resident',
  'tag',
  'staff',
  'api_token',
  'company',
  'questionnaire',
  'task',
  'record',
  'issue',
  'category',
  'override',
  'calendar_notice',
  'measure',
] as const;

export function auditActionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action.replace(/\./g, '_')}`, { defaultValue: action });
}

export function auditEntityLabel(t: TFunction, entityType: string): string {
  return t(`audit.entityTypes.${entityType}`, { defaultValue: entityType });
}

/** The object of an entry in words: 用户「张三」, or 用户 #1 when it has no name (any more). */
export function auditEntityText(t: TFunction, entry: Pick<AuditEntry, 'entityType' | 'entityId' | 'entityName'>): string {
  if (!entry.entityType) return '—';
  const type = auditEntityLabel(t, entry.entityType);
  if (entry.entityName) return t('audit.entityNamed', { type, name: entry.entityName });
  return entry.entityId ? t('audit.entityNumbered', { type, id: entry.entityId }) : type;
}
