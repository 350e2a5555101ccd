/** HTTP routes for KPIs: the company's targets and the figures of a period. */
import { KpiQuery, KpiTargets, Kpis } from '../../shared/schemas/kpis.js';
import { ctxOf } from '../http/auth-hook.js';
import { localeOf } from '../http/problem.js';
import type { App, Deps } from '../http/types.js';
import { getKpis } from './get-kpis.js';
import { getKpiTargets, updateKpiTargets } from './targets.js';

const tags = ['kpis'];

export function kpiRoutes(app: App, { handle: { db } }: Deps) {
  app.get(
    '/api/v1/kpi-targets',
    { schema: { tags, operationId: 'getKpiTargets', summary: 'The company’s KPI targets and satisfaction dimension weights', response: { 200: KpiTargets } } },
    async (request) => getKpiTargets(db, ctxOf(request)),
  );
  app.put(
    '/api/v1/kpi-targets',
    { schema: { tags, operationId: 'updateKpiTargets', summary: 'Change the KPI targets and weights (audited)', body: KpiTargets, response: { 200: KpiTargets } } },
    async (request) => updateKpiTargets(db, ctxOf(request), request.body),
  );
  app.get(
    '/api/v1/kpis',
    {
      schema: {
        tags,
        operationId: 'getKpis',
        summary: 'KPI figures of a period with targets, formulas and the lists behind them (docs/kpis.md)',
        querystring: KpiQuery,
        response: { 200: Kpis },
      },
    },
    async (request) => getKpis(db, ctxOf(request), request.query, localeOf(request)),
  );
}
