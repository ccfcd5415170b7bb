/// Every failure a user can be told about has a code; the boundary (route, action, CLI) maps it to
/// an HTTP status and a message from the catalogue.
export const errorStatus = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  cross_origin: 403,
  account_disabled: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  // The workflow's refusals, named so that a client can tell them apart.
  transition_not_allowed: 409,
  signoff_required: 409,
  stage_changed: 409,
  email_taken: 409,
  /// A one-time link that is malformed, unknown, used or expired.
  link_invalid: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  internal: 500,
  /// The database cannot be reached just now (restarting, or busy past the timeout): retry soon.
  database_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/// A failure with a stable code, optional details for the client, and (for 429) a retry delay.
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message?: string, opts: { details?: unknown; retryAfterSeconds?: number } = {}) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = opts.details;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/// True when `e` is an AppError (also across module copies, which `instanceof` would miss).
export function isAppError(e: unknown): e is AppError {
  return e instanceof Error && e.name === 'AppError' && typeof (e as AppError).code === 'string';
}
