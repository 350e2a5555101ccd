/**
 * Every domain's messages, gathered for app.ts to install: each `<domain>/messages.ts` holds that domain's error
 * codes with their zh-CN and English texts, its field messages, entity names and state words; http/messages.ts
 * holds the HTTP-level ones and knows no domain. A domain with its own messages is listed here, and so is a
 * domain's own error type that a problem response must tell (DOMAIN_ERRORS).
 */
import { AUTH_MESSAGES } from './auth/messages.js';
import { CALENDAR_MESSAGES, calendarRangeProblem } from './calendar/messages.js';
import { COMPANY_MESSAGES } from './companies/messages.js';
import { COMMUNITY_MESSAGES } from './communities/messages.js';
import { DEPARTMENT_MESSAGES } from './departments/messages.js';
import { HOUSEHOLD_MESSAGES } from './households/messages.js';
import type { MessageCatalogue } from './http/messages.js';
import { IMPROVEMENT_MESSAGES } from './improvements/messages.js';
import type { ErrorTranslation } from './http/problem.js';
import { ISSUE_MESSAGES } from './issues/messages.js';
import { KPI_MESSAGES } from './kpis/messages.js';
import { NOTIFICATION_MESSAGES } from './notifications/messages.js';
import { QUESTIONNAIRE_MESSAGES } from './questionnaires/messages.js';
import { RESIDENT_MESSAGES } from './residents/messages.js';
import { ROLE_MESSAGES } from './roles/messages.js';
import { ROSTER_MESSAGES } from './roster/messages.js';
import { STAFF_MESSAGES } from './staff/messages.js';
import { USER_MESSAGES } from './users/messages.js';
import { VISIT_MESSAGES } from './visits/messages.js';

export const DOMAIN_MESSAGES: readonly MessageCatalogue[] = [
  AUTH_MESSAGES,
  USER_MESSAGES,
  ROLE_MESSAGES,
  COMPANY_MESSAGES,
  COMMUNITY_MESSAGES,
  DEPARTMENT_MESSAGES,
  HOUSEHOLD_MESSAGES,
  RESIDENT_MESSAGES,
  STAFF_MESSAGES,
  ROSTER_MESSAGES,
  QUESTIONNAIRE_MESSAGES,
  VISIT_MESSAGES,
  ISSUE_MESSAGES,
  CALENDAR_MESSAGES,
  NOTIFICATION_MESSAGES,
  KPI_MESSAGES,
  IMPROVEMENT_MESSAGES,
];

/** Errors of a domain's own type (thrown by pure code that knows no HTTP), told as the AppError they stand for. */
export const DOMAIN_ERRORS: readonly ErrorTranslation[] = [calendarRangeProblem];
