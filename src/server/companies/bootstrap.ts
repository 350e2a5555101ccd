/**
 * First start: when the database holds no company yet, create one with the administrator `admin`.
 * Its password is HUIFANG_ADMIN_PASSWORD, which must pass the password rules like any chosen password (else
 * the start stops and says why), or a random one that is logged once and must be changed.
 */
import type { FastifyBaseLogger } from 'fastify';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../shared/password-policy.js';
import { temporaryPassword } from '../auth/secrets.js';
import { passwordProblem } from '../auth/password-rules.js';
import { ConfigError, type Config } from '../config.js';
import { message } from '../http/messages.js';
import type { Db } from '../db/database.js';
import { createCompany } from './create-company.js';

export async function ensureFirstCompany(db: Db, config: Config, log: FastifyBaseLogger): Promise<void> {
  const existing = await db.selectFrom('companies').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const admin = { username: 'admin', displayName: '系统管理员' };
  if (config.adminPassword) {
    const problem = await passwordProblem(config.adminPassword, { ...admin, companyName: config.companyName });
    if (problem) {
      const params = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
      throw new ConfigError(
        `Invalid configuration:\n  HUIFANG_ADMIN_PASSWORD: ${message(problem, 'en', params).detail}\n  （${message(problem, 'zh-CN', params).detail}）`,
      );
    }
  }
  const generated = !config.adminPassword;
  const password = config.adminPassword ?? temporaryPassword();
  await createCompany(db, {
    name: config.companyName,
    admin: { ...admin, password, mustChangePassword: generated || config.adminMustChange },
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
