/**
 * Personal API tokens: created and revoked by their owner, shown once, stored as a sha256 hash.
 * A token acts as its owner (never with more permissions), until it expires or is revoked. A token cannot
 * create further tokens: a leaked one would otherwise outlive its own revocation.
 */
import type { ApiToken, CreateApiTokenBody, CreatedApiToken } from '../../shared/schemas/auth.js';
import type { Page } from '../../shared/schemas/common.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { now, nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import type { Principal } from './principal.js';
import { randomSecret, sha256 } from './secrets.js';

export const TOKEN_PREFIX = 'hf_';

function ownTokens(db: Db, ctx: Ctx) {
  return db.selectFrom('api_tokens').where('user_id', '=', ctx.userId).where('revoked_at', 'is', null);
}

const toApiToken = (r: {
  id: number;
  name: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}): ApiToken => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
});

export async function listApiTokens(db: Db, ctx: Ctx): Promise<Page<ApiToken>> {
  const rows = await ownTokens(db, ctx)
    .select(['id', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at'])
    .orderBy('id', 'desc')
    .execute();
  return { items: rows.map(toApiToken), total: rows.length, totalKind: 'exact', nextCursor: null };
}

export async function createApiToken(db: Db, principal: Principal, input: CreateApiTokenBody): Promise<CreatedApiToken> {
  if (principal.via === 'token') throw new AppError('token_cannot_create_token', 403);
  const { ctx } = principal;
  const secret = TOKEN_PREFIX + randomSecret(32);
  const stamp = nowIso();
  const expiresAt = input.expiresInDays ? new Date(now() + input.expiresInDays * 86_400_000).toISOString() : null;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        user_id: ctx.userId,
        name: input.name,
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        token_hash: sha256(secret),
        created_at: stamp,
        expires_at: expiresAt,
      })
      .returning(['id', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actorOf(ctx), {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: row.id,
      after: { name: row.name, prefix: row.prefix, expiresAt },
    });
    return { token: toApiToken(row), secret };
  });
}

export async function revokeApiToken(db: Db, ctx: Ctx, tokenId: number): Promise<void> {
  const token = await ownTokens(db, ctx).select(['id', 'name']).where('id', '=', tokenId).executeTakeFirst();
  if (!token) throw notFound('token');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('id', '=', token.id).execute();
    await recordAudit(trx, actorOf(ctx), { action: 'api_token.revoke', entityType: 'api_token', entityId: token.id, before: { name: token.name } });
  });
}
