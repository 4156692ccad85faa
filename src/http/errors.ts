/**
 * One catalogue of the errors a use case may raise: a stable code for the API, an HTTP status
 * and a message key in the catalogues. The error handler in http/error-handler.ts turns them
 * into an error page, a form shown again with its messages, or `{ code, message }`.
 */
import type { MessageKey } from '../views/i18n/index.js';

export const errorCatalogue = {
  bad_request: { status: 400, message: 'error.badRequest' },
  unauthenticated: { status: 401, message: 'error.unauthenticated' },
  forbidden: { status: 403, message: 'error.forbidden' },
  csrf: { status: 403, message: 'error.csrf' },
  foreign_origin: { status: 403, message: 'error.foreignOrigin' },
  not_found: { status: 404, message: 'error.notFound' },
  conflict: { status: 409, message: 'error.conflict' },
  email_taken: { status: 409, message: 'error.emailTaken' },
  domain_taken: { status: 409, message: 'error.domainTaken' },
  registration_closed: { status: 409, message: 'events.error.registrationClosed' },
  event_full: { status: 409, message: 'events.error.full' },
  attendance_too_early: { status: 409, message: 'events.error.attendanceTooEarly' },
  message_blocked: { status: 409, message: 'messages.error.blocked' },
  message_not_allowed: { status: 403, message: 'messages.error.notAllowed' },
  payload_too_large: { status: 413, message: 'error.payloadTooLarge' },
  validation_failed: { status: 422, message: 'error.validation' },
  invalid_credentials: { status: 422, message: 'error.invalidCredentials' },
  email_unconfirmed: { status: 422, message: 'error.emailUnconfirmed' },
  token_invalid: { status: 422, message: 'error.tokenInvalid' },
  rate_limited: { status: 429, message: 'error.rateLimited' },
  internal: { status: 500, message: 'error.internal' },
  unavailable: { status: 503, message: 'error.unavailable' },
} as const satisfies Record<string, { status: number; message: MessageKey }>;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly status: number;
  readonly messageKey: MessageKey;
  constructor(
    readonly code: ErrorCode,
    /** Field name -> message key, for forms and 422 answers. */
    readonly fields: Record<string, MessageKey> = {},
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.status = errorCatalogue[code].status;
    this.messageKey = errorCatalogue[code].message;
  }
}

export const notFound = () => new AppError('not_found');
