/**
 * Hot queries built and compiled once, then run with new values. Building a Kysely query and compiling it to SQL
 * costs more CPU than running a small indexed query on SQLite; a query whose SQL depends only on a few things (its
 * "shape": how many communities the caller's scope lists, how many rows an insert writes) is built once per
 * dialect and shape, with placeholders standing for its values, and each call fills them in. On PostgreSQL its SQL
 * also runs as a named prepared statement (database.ts), parsed and planned once per connection.
 *
 *   const findThing = compiledQuery<{ companyId: number; id: number }, ThingRow>((db, p) =>
 *     db.selectFrom('things').selectAll().where('company_id', '=', p.companyId).where('id', '=', p.id));
 *   await findThing(db, 'one', { companyId, id });
 *
 * The builder must pass each placeholder (`p.name`) as a plain value, never transformed (no JSON.stringify of it,
 * no arithmetic); whatever it writes literally stays in the SQL's parameters for every call.
 */
import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Ctx } from '../context.js';
import { type Db, preparedOnPostgres } from './database.js';

const SLOT = '\u0000slot:';

interface Plan<R> {
  query: CompiledQuery<R>;
  /** for each parameter, the name of the value it takes, or undefined for a literal of the query */
  slots: (string | undefined)[];
}

export type CompiledRunner<A, R> = (db: Db, shape: string, args: A) => Promise<QueryResult<R>>;

export function compiledQuery<A extends object, R>(build: (db: Db, p: A, shape: string) => Compilable<R>): CompiledRunner<A, R> {
  // Keyed by the dialect's adapter: a transaction shares it with its database, SQLite and PostgreSQL do not.
  const plans = new WeakMap<object, Map<string, Plan<R>>>();
  const placeholders = new Proxy({}, { get: (_, key) => `${SLOT}${String(key)}` }) as A;
  return (db, shape, args) => {
    const adapter = db.getExecutor().adapter;
    let byShape = plans.get(adapter);
    if (!byShape) plans.set(adapter, (byShape = new Map()));
    let plan = byShape.get(shape);
    if (!plan) {
      const query = build(db, placeholders, shape).compile();
      const slots = query.parameters.map((v) => (typeof v === 'string' && v.startsWith(SLOT) ? v.slice(SLOT.length) : undefined));
      plan = { query, slots };
      byShape.set(shape, plan);
      preparedOnPostgres(query.sql);
    }
    const { query, slots } = plan;
    const values = args as Record<string, unknown>;
    const parameters = slots.map((name, i) => (name === undefined ? query.parameters[i] : values[name]));
    return db.executeQuery<R>({ ...query, parameters });
  };
}

/** The scope part of a query's shape and values: the company and each community of the caller (`scopeSlots`). */
export function scopeShape(ctx: Ctx): string {
  return ctx.allCommunities ? 'company' : `communities:${ctx.communityIds.length}`;
}

export function scopeArgs(ctx: Ctx): Record<string, number> {
  const args: Record<string, number> = { companyId: ctx.companyId };
  ctx.communityIds.forEach((id, i) => (args[`community${i}`] = id));
  return args;
}

/**
 * A context whose company and communities are placeholders, for building a scoped query once per scope shape: the
 * shape's first part (before any `|`) is `scopeShape` of the caller. Reading any other field of it is a mistake
 * (it would be written into the SQL for every caller), so it throws.
 */
export function scopeSlots(p: object, shape: string): Ctx {
  const slot = p as Record<string, number>;
  const scope = shape.split('|')[0];
  const count = scope === 'company' ? 0 : Number(scope.split(':')[1]);
  const fields: Partial<Ctx> = { companyId: slot.companyId, allCommunities: scope === 'company', communityIds: Array.from({ length: count }, (_, i) => slot[`community${i}`]) };
  return new Proxy(fields as Ctx, {
    get(target, key) {
      if (key in target) return target[key as keyof Ctx];
      throw new Error(`a compiled query may not read ctx.${String(key)}: pass it as a placeholder`);
    },
  });
}
