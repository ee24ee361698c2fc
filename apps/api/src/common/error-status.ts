import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@motcua/domain';

/** The one place where domain error codes meet HTTP. */
export const ERROR_STATUS: Record<ErrorCode, HttpStatus> = {
  [ErrorCode.VALIDATION_FAILED]: HttpStatus.BAD_REQUEST,
  [ErrorCode.MALFORMED_JSON]: HttpStatus.BAD_REQUEST,
  [ErrorCode.PAYLOAD_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.INVALID_CREDENTIALS]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.DEMO_PASSWORD_REFUSED]: HttpStatus.FORBIDDEN,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.ALREADY_EXISTS]: HttpStatus.CONFLICT,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.DOSSIER_NOT_IN_STATE]: HttpStatus.CONFLICT,
  [ErrorCode.STEP_ALREADY_COMPLETED]: HttpStatus.CONFLICT,
  [ErrorCode.STEP_NOT_CLAIMED]: HttpStatus.CONFLICT,
  [ErrorCode.STEP_CANCELLED]: HttpStatus.CONFLICT,
  [ErrorCode.MISSING_DOCUMENTS]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.NOT_ROUTABLE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.APOLOGY_ALREADY_ISSUED]: HttpStatus.CONFLICT,
  [ErrorCode.VERSION_CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.IDEMPOTENCY_MISMATCH]: HttpStatus.CONFLICT,
  [ErrorCode.UNPROCESSABLE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.INTERNAL]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** Nest's own HttpExceptions (unknown route, terminus' 503, …) get the code of their status. */
export const STATUS_CODE: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.VALIDATION_FAILED,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.UNAUTHENTICATED,
  [HttpStatus.FORBIDDEN]: ErrorCode.FORBIDDEN,
  [HttpStatus.NOT_FOUND]: ErrorCode.NOT_FOUND,
  [HttpStatus.METHOD_NOT_ALLOWED]: ErrorCode.NOT_FOUND,
  [HttpStatus.CONFLICT]: ErrorCode.CONFLICT,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PAYLOAD_TOO_LARGE,
  [HttpStatus.UNPROCESSABLE_ENTITY]: ErrorCode.UNPROCESSABLE,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.RATE_LIMITED,
  [HttpStatus.SERVICE_UNAVAILABLE]: ErrorCode.UNAVAILABLE,
};
