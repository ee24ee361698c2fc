/** Stable error codes: clients branch on them (README lists them), so a rename is a breaking change. */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_JSON = 'MALFORMED_JSON',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** A file whose content is not of an accepted type (details: accepted). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  DEMO_PASSWORD_REFUSED = 'DEMO_PASSWORD_REFUSED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  CONFLICT = 'CONFLICT',
  /** The action is not allowed in the dossier's current status (details: status, action, allowedFrom). */
  DOSSIER_NOT_IN_STATE = 'DOSSIER_NOT_IN_STATE',
  /** The step was completed (or skipped) already: a double click or a retry. */
  STEP_ALREADY_COMPLETED = 'STEP_ALREADY_COMPLETED',
  /** The step is claimed by someone else, or not claimed by the caller. */
  STEP_NOT_CLAIMED = 'STEP_NOT_CLAIMED',
  /** The step was cancelled (the dossier was withdrawn, stopped, rejected). */
  STEP_CANCELLED = 'STEP_CANCELLED',
  /** Mandatory papers are missing: ask for a supplement instead (details: missingDocuments). */
  MISSING_DOCUMENTS = 'MISSING_DOCUMENTS',
  /** The procedure has no published workflow, or an agency its steps need is missing. */
  NOT_ROUTABLE = 'NOT_ROUTABLE',
  /** The one apology (BM.04) the law allows was issued already. */
  APOLOGY_ALREADY_ISSUED = 'APOLOGY_ALREADY_ISSUED',
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

  /** One field's problem, with the code a client branches on (422 by default: well-formed but unacceptable). */
  static field(field: string, reason: string, code: ErrorCode = ErrorCode.UNPROCESSABLE): DomainError {
    return new DomainError(code, `${field}: ${reason}`, { fields: [{ field, reason }] });
  }

  static notFound(what: string, key: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} ${key} not found`);
  }
}
