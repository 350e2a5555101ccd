/**
 * The console's translations, merged: the shell's texts (i18n/texts.ts) and each domain's
 * (pages/<domain>/texts.ts), every file giving zh-CN and English with the same keys under namespaces of its
 * own. No React and no DOM, so the unit tests read the same resources as the console.
 */
import type { Locale } from '../../shared/schemas/common';
import { texts as shell } from './texts';
import { texts as audit } from '../pages/audit/texts';
import { texts as auth } from '../pages/auth/texts';
import { texts as calendar } from '../pages/calendar/texts';
import { texts as communities } from '../pages/communities/texts';
import { texts as companies } from '../pages/companies/texts';
import { texts as departments } from '../pages/departments/texts';
import { texts as households } from '../pages/households/texts';
import { texts as improvements } from '../pages/improvements/texts';
import { texts as issues } from '../pages/issues/texts';
import { texts as kpis } from '../pages/kpis/texts';
import { texts as questionnaires } from '../pages/questionnaires/texts';
import { texts as residents } from '../pages/residents/texts';
import { texts as roles } from '../pages/roles/texts';
import { texts as roster } from '../pages/roster/texts';
import { texts as staff } from '../pages/staff/texts';
import { texts as users } from '../pages/users/texts';
import { texts as visits } from '../pages/visits/texts';
import { texts as workbench } from '../pages/workbench/texts';

/** Every texts file by where it lives; a namespace belongs to one file only (test/unit/console-texts.test.ts). */
export const TEXTS = {
  'i18n': shell,
  'pages/audit': audit,
  'pages/auth': auth,
  'pages/calendar': calendar,
  'pages/communities': communities,
  'pages/companies': companies,
  'pages/departments': departments,
  'pages/households': households,
  'pages/improvements': improvements,
  'pages/issues': issues,
  'pages/kpis': kpis,
  'pages/questionnaires': questionnaires,
  'pages/residents': residents,
  'pages/roles': roles,
  'pages/roster': roster,
  'pages/staff': staff,
  'pages/users': users,
  'pages/visits': visits,
  'pages/workbench': workbench,
};

function merged<L extends Locale>(locale: L) {
  return {
    ...shell[locale],
    ...audit[locale],
    ...auth[locale],
    ...calendar[locale],
    ...communities[locale],
    ...companies[locale],
    ...departments[locale],
    ...households[locale],
    ...improvements[locale],
    ...issues[locale],
    ...kpis[locale],
    ...questionnaires[locale],
    ...residents[locale],
    ...roles[locale],
    ...roster[locale],
    ...staff[locale],
    ...users[locale],
    ...visits[locale],
    ...workbench[locale],
  };
}

/** The texts of each language, as i18next's `translation` namespace. */
export const RESOURCES = { 'zh-CN': merged('zh-CN'), en: merged('en') };
