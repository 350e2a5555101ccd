/**
 * A company's KPI targets (指标目标值): the regulations' 20 / 90 / 80 / 70, a 满意率 target, how far under a target
 * is still amber, and the weights of the service dimensions in the satisfaction index (equal by default).
 * Stored as JSON in `companies.kpi_targets`; null is the defaults. Every change is audited.
 */
import type { KpiTargets } from '../../shared/schemas/kpis.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';

export const DEFAULT_KPI_TARGETS: KpiTargets = {
  coverage: 20,
  completion: 90,
  resolution: 80,
  adoption: 70,
  satisfactionRate: 90,
  nearMargin: 5,
  dimensionWeights: {},
};

export function parseTargets(json: string | null): KpiTargets {
  return json ? { ...DEFAULT_KPI_TARGETS, ...(JSON.parse(json) as Partial<KpiTargets>) } : DEFAULT_KPI_TARGETS;
}

export async function loadTargets(db: Db, companyId: number): Promise<KpiTargets> {
  const row = await db.selectFrom('companies').select('kpi_targets').where('id', '=', companyId).executeTakeFirst();
  return parseTargets(row?.kpi_targets ?? null);
}

export async function getKpiTargets(db: Db, ctx: Ctx): Promise<KpiTargets> {
  requirePermission(ctx, 'kpis.read', 'kpis.read_own', 'kpis.configure');
  return loadTargets(db, ctx.companyId);
}

export async function updateKpiTargets(db: Db, ctx: Ctx, input: KpiTargets): Promise<KpiTargets> {
  requirePermission(ctx, 'kpis.configure');
  const before = await loadTargets(db, ctx.companyId);
  const diff = changes(before, input);
  if (diff.changed) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('companies').set({ kpi_targets: JSON.stringify(input) }).where('id', '=', ctx.companyId).execute();
      await recordAudit(trx, actorOf(ctx), { action: 'kpi_targets.update', entityType: 'company', entityId: ctx.companyId, before: diff.before, after: diff.after });
    });
  }
  return input;
}
