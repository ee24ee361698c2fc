import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from '@motcua/domain';

/**
 * Strict validation at the edge: unknown fields are errors, and every problem names its field path.
 * One problem per field (stopAtFirstError). Decorators register bottom-up, so DTOs put the type check
 * directly above the property: it is then the one reported for a value of the wrong type.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => DomainError.validation(flatten(errors)),
  });
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    // Array items read as `steps[2].role`, the same paths the domain's own validators report.
    const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, reason]) => ({ field, reason: describe(constraint, reason, error.value) }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function describe(constraint: string, reason: string, value: unknown): string {
  if (constraint === 'whitelistValidation') return 'is not an allowed field';
  // Optional fields skip validation when absent, so an undefined value here is a missing required one.
  if (value === undefined) return 'is required';
  return reason;
}
