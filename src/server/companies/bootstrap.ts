/**
 * First start: when the database holds no company yet, create one with the administrator `admin`.
 * Its password is HUIFANG_ADMIN_PASSWORD, or a random one that is logged once and must be changed.
 */
import type { FastifyBaseLogger } from 'fastify';
import { temporaryPassword } from '../auth/secrets.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { createCompany } from './create-company.js';

export async function ensureFirstCompany(db: Db, config: Config, log: FastifyBaseLogger): Promise<void> {
  const existing = await db.selectFrom('companies').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const generated = !config.adminPassword;
  const password = config.adminPassword ?? temporaryPassword();
  await createCompany(db, {
    name: config.companyName,
    admin: { username: 'admin', displayName: '系统管理员', password, mustChangePassword: generated || config.adminMustChange },
    scryptCost: config.scryptCost,
  });
  if (generated) {
    log.warn(
      { username: 'admin', password },
      `Created the administrator "admin" with the one-time password ${password} — it must be changed at first login. ` +
        '已创建管理员 admin，初始密码仅显示这一次，首次登录须修改。',
    );
  } else {
    log.info({ username: 'admin' }, 'Created the administrator "admin" with the password from HUIFANG_ADMIN_PASSWORD');
  }
}
