/** Login, session, password and personal API token schemas. */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy.js';
import { Id, Locale, Timestamp } from './common.js';

/** Its strength is judged by the use case, which knows the account's own words (src/shared/password-policy.ts). */
export const NewPassword = z
  .string()
  .min(1)
  .max(PASSWORD_MAX_LENGTH)
  .meta({
    description: `At least ${PASSWORD_MIN_LENGTH} characters, no blanks at either end, and hard to guess: not a common password or word, not built from your username, name or company, not a keyboard or date pattern`,
  });

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const SessionUser = z
  .object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    companyId: Id,
    companyName: z.string(),
    role: z.object({ id: Id, key: z.string().nullable(), name: z.string() }),
    permissions: z.array(z.string()),
    allCommunities: z.boolean(),
    communityIds: z.array(Id),
    departmentId: Id.nullable(),
    mustChangePassword: z.boolean(),
    locale: Locale,
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z
  .object({ user: SessionUser, csrfToken: z.string(), demo: z.boolean() })
  .meta({ id: 'Session' });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const UpdateProfileBody = z.strictObject({
  displayName: z.string().trim().min(1).max(64).optional(),
  locale: Locale.optional(),
});
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

export const ApiToken = z
  .object({
    id: Id,
    name: z.string(),
    prefix: z.string().meta({ description: 'First characters of the token, to recognise it' }),
    createdAt: Timestamp,
    expiresAt: Timestamp.nullable(),
    lastUsedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(64),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBody>;

export const CreatedApiToken = z.object({
  token: ApiToken,
  secret: z.string().meta({ description: 'The token itself; shown only once' }),
});
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
