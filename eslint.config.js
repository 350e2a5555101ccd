// Lint rules: the recommended JavaScript and TypeScript sets, plus a few that keep the code honest.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Tables of company and community data; the starters for them are in src/server/scope.ts (COMPANY_TABLES and
// COMMUNITY_TABLES there list the same names).
const SCOPED_TABLES = ['communities', 'users', 'roles', 'departments', 'staff', 'tags', 'questionnaires', 'improvement_measures', 'households', 'residents', 'visit_tasks', 'visit_records', 'household_coverage', 'household_counts', 'record_months', 'record_dimension_months', 'task_months', 'issue_resolve_months', 'issue_reply_months', 'issue_raised_months', 'issues', 'audit_log'];
const SCOPED_TABLE_ARG = `[arguments.0.value=/^(${SCOPED_TABLES.join('|')})( as [a-z_]+)?$/]`;
const QUERY_STARTS = 'selectFrom|updateTable|deleteFrom|insertInto';
const SCOPE_MESSAGE = 'Company data is read and written through the starters in src/server/scope.ts; a system job without a caller uses unscoped(db, reason).';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: [
      'src/server/scope.ts',
      'src/server/db/migrations/**',
      // The one writer of new visit tasks, of new users and of audit entries: each is called after its caller has
      // checked the scope, and writes the company it is given.
      'src/server/visits/insert-tasks.ts',
      'src/server/users/insert-user.ts',
      'src/server/audit/record-audit.ts',
      // The roster import reads and writes one community's rows through its own loader, for a community the
      // import's start checked through scopedCommunities.
      'src/server/roster/load-roster.ts',
      'src/server/roster/write-plan.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=/^(${QUERY_STARTS})$/]${SCOPED_TABLE_ARG}:not([callee.object.callee.name='unscoped'])`,
          message: SCOPE_MESSAGE,
        },
        { selector: `CallExpression[callee.name=/^(${QUERY_STARTS})$/]${SCOPED_TABLE_ARG}`, message: SCOPE_MESSAGE },
        {
          selector: "CallExpression[callee.name='unscoped']:not([arguments.1.type='Literal'][arguments.1.value=/\\S/])",
          message: 'unscoped(db, reason) names its reason as a string literal.',
        },
      ],
    },
  },
  {
    files: ['bench/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
