import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** A calendar date as yyyy-MM-dd that exists (2025-02-31 does not); its problem names the field. */
export function IsLocalDate(): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be a date as yyyy-MM-dd` }),
    IsISO8601({ strict: true, strictSeparator: true }, { message: ({ property }) => `${property} must be a real date as yyyy-MM-dd` }),
  );
}
