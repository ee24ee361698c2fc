/** Stable error codes: clients and tests depend on them, so never rename one. */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_JSON = 'MALFORMED_JSON',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  DEMO_PASSWORD_REFUSED = 'DEMO_PASSWORD_REFUSED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  CONFLICT = 'CONFLICT',
  /** The action is not allowed in the dossier's current status. */
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  /** Someone else changed the record first (optimistic version check). */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** The same Idempotency-Key was sent with a different request. */
  IDEMPOTENCY_MISMATCH = 'IDEMPOTENCY_MISMATCH',
  UNPROCESSABLE = 'UNPROCESSABLE',
  RATE_LIMITED = 'RATE_LIMITED',
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

/** One problem with one input field, e.g. `{ field: 'applicant.phone', reason: 'must be 10 digits' }`. */
export interface FieldProblem {
  field: string;
  reason: string;
}

/**
 * The only error type the domain, the persistence layer and the worker throw on purpose.
 * The API maps `code` to an HTTP status in one place; nothing below the API knows about HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(problems: FieldProblem[], message = 'Invalid input'): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, message, { fields: problems });
  }

  static notFound(what: string, key: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} ${key} not found`);
  }
}
