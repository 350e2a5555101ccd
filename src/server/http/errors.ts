/**
 * Errors are values with stable codes. Use cases throw `AppError`; the error handler in problem.ts turns
 * it (and every framework error) into an application/problem+json response in the request's language.
 */
import type { ErrorCode } from './messages.js';

export interface FieldError {
  path: string;
  code: string;
  /** field message key (in a catalogue's `fields`, see http/messages.ts), with params */
  key?: string;
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly extra: { errors?: FieldError[]; allowed?: string[]; headers?: Record<string, string> } = {},
  ) {
    super(code);
  }
}

export const notFound = (entity: string) => new AppError('not_found', 404, { entity });
export const forbidden = (permission: string) => new AppError('forbidden', 403, { permission });
export const invalidReference = (entity: string, path: string) =>
  new AppError('invalid_reference', 422, { entity }, { errors: [{ path, code: 'invalid_reference', key: 'invalid' }] });
/** A list's cursor that the server did not write for this list (db/paging.ts). */
export const cursorInvalid = () => new AppError('cursor_invalid', 400);
export const cursorWithOffset = () => new AppError('cursor_with_offset', 400);
