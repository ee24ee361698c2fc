import { DomainError, ErrorCode } from '../errors';

export type CalendarErrorCode = 'INVALID_AMOUNT' | 'INVALID_UNIT' | 'INVALID_DATE' | 'YEAR_OUT_OF_RANGE';

/**
 * Bad input to the working calendar: the caller passed something no deadline can be computed from.
 * A validation error to clients; `reason` says which rule it broke.
 */
export class CalendarError extends DomainError {
  constructor(
    readonly reason: CalendarErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(ErrorCode.VALIDATION_FAILED, message, { reason, ...details });
    this.name = 'CalendarError';
  }
}
