/**
 * The questionnaires and their versions.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const QUESTIONNAIRE_PAGES: ShellPage[] = [
  { path: 'questionnaires', module: './pages/questionnaires/QuestionnairesPage.tsx', anyOf: ['questionnaires.manage'], nav: { order: 50, labelKey: 'visits.nav.questionnaires', icon: 'form' } },
];
