export type CalendarErrorCode = 'INVALID_AMOUNT' | 'INVALID_UNIT' | 'INVALID_DATE' | 'YEAR_OUT_OF_RANGE';

/** Bad input to the working calendar: the caller passed something no deadline can be computed from. */
export class CalendarError extends Error {
  constructor(
    public readonly code: CalendarErrorCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}
