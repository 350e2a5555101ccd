/** Known audit actions and entity types, with their translated labels (unknown ones show their code). */
import type { TFunction } from 'i18next';

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
] as const;

export function auditActionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action.replace(/\./g, '_')}`, { defaultValue: action });
}

export function auditEntityLabel(t: TFunction, entityType: string): string {
  return t(`audit.entityTypes.${entityType}`, { defaultValue: entityType });
}
