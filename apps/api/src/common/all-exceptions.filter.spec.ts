import { jest } from '@jest/globals';
import { ArgumentsHost, BadRequestException, Logger, NotFoundException } from '@nestjs/common';
import { DomainError, ErrorCode } from '@motcua/domain';
import { AllExceptionsFilter } from './all-exceptions.filter';

function respond(error: unknown) {
  const response = { statusCode: 0, body: undefined as unknown, headers: {} as Record<string, string> };
  const res = {
    status(code: number) {
      response.statusCode = code;
      return this;
    },
    json(body: unknown) {
      response.body = body;
    },
    setHeader(name: string, value: string) {
      response.headers[name] = value;
    },
  };
  const req = { id: 'req-1234abcd', method: 'GET', originalUrl: '/api/x' };
  const host = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(error, host);
  return response;
}

describe('AllExceptionsFilter', () => {
  it('maps domain errors by code, keeping details', () => {
    const response = respond(new DomainError(ErrorCode.UNPROCESSABLE, 'Missing documents', { fields: [] }));
    expect(response.statusCode).toBe(422);
    expect(response.body).toEqual({ code: 'UNPROCESSABLE', message: 'Missing documents', details: { fields: [] } });
  });

  it("maps Nest's own exceptions by status", () => {
    expect(respond(new NotFoundException('Cannot GET /api/x')).body).toEqual({ code: 'NOT_FOUND', message: 'Cannot GET /api/x' });
    const malformed = respond(new BadRequestException('Unexpected token', { cause: Object.assign(new SyntaxError('x'), { type: 'entity.parse.failed' }) }));
    expect(malformed.body).toEqual({ code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' });
  });

  it('turns an unknown error into a 500 with an error id that is logged with the cause, and no stack', () => {
    const logged: unknown[] = [];
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    const cause = new TypeError("Cannot read properties of undefined (reading 'x')");
    const response = respond(cause);
    spy.mockRestore();
    expect(response.statusCode).toBe(500);
    expect(response.body).toEqual({ code: 'INTERNAL', message: 'Internal server error', details: { errorId: 'req-1234abcd' } });
    expect(JSON.stringify(response.body)).not.toContain('TypeError');
    expect(logged).toEqual([[expect.objectContaining({ err: cause, errorId: 'req-1234abcd' }), 'Unhandled error']]);
  });
});
