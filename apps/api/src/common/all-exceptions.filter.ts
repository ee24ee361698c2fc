import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode } from '@motcua/domain';
import { ERROR_STATUS, STATUS_CODE } from './error-status';
import { isTransactionConflict, unavailableService } from './unavailable';
import { MAX_JSON_DEPTH } from './unsafe-json';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * Every error leaves the API as `{ code, message, details? }`. Unknown errors become a 500 whose
 * errorId is the request id, logged with the cause; no stack trace ever reaches the client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request & { id?: string }>();
    const response = context.getResponse<Response>();
    const [status, body] = this.describe(error, request);
    if (status === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', '5');
    if (status === HttpStatus.TOO_MANY_REQUESTS) response.setHeader('Retry-After', String(body.details?.retryAfter ?? 60));
    response.status(status).json(body);
  }

  private describe(error: unknown, request: Request & { id?: string }): [number, ErrorBody] {
    // body-parser's errors carry a `type`; Nest may wrap them in a BadRequestException.
    const parserError = ((error as { cause?: unknown }).cause ?? error) as { type?: string; status?: number };
    if (parserError.type === 'entity.parse.failed') {
      return [HttpStatus.BAD_REQUEST, { code: ErrorCode.MALFORMED_JSON, message: 'The request body is not valid JSON' }];
    }
    if (parserError.type === 'entity.nul') {
      return [
        HttpStatus.BAD_REQUEST,
        {
          code: ErrorCode.VALIDATION_FAILED,
          message: 'The request contains the NUL character (\\u0000), which is not accepted',
          details: { fields: [{ field: 'body', reason: 'contains the NUL character' }] },
        },
      ];
    }
    if (parserError.type === 'charset.unsupported') {
      return [
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        { code: ErrorCode.VALIDATION_FAILED, message: 'Send the body as UTF-8', details: { fields: [{ field: 'content-type', reason: 'charset must be utf-8' }] } },
      ];
    }
    if (parserError.type === 'media.unsupported') {
      return [
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        {
          code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          message: 'Send the body as JSON (a file as multipart/form-data)',
          details: { fields: [{ field: 'content-type', reason: 'must be application/json' }], accepted: ['application/json', 'multipart/form-data'] },
        },
      ];
    }
    if (parserError.type === 'entity.surrogate') {
      return [
        HttpStatus.BAD_REQUEST,
        {
          code: ErrorCode.VALIDATION_FAILED,
          message: 'The request contains a lone UTF-16 surrogate (\\uD800–\\uDFFF), which is not text',
          details: { fields: [{ field: 'body', reason: 'contains a lone surrogate' }] },
        },
      ];
    }
    if (parserError.type === 'request.nul') {
      return [
        HttpStatus.BAD_REQUEST,
        {
          code: ErrorCode.VALIDATION_FAILED,
          message: 'The address contains the NUL character (%00), which is not accepted',
          details: { fields: [{ field: 'url', reason: 'contains the NUL character' }] },
        },
      ];
    }
    if (parserError.type === 'entity.too.deep') {
      return [
        HttpStatus.BAD_REQUEST,
        {
          code: ErrorCode.VALIDATION_FAILED,
          message: `The request body nests deeper than ${MAX_JSON_DEPTH} levels`,
          details: { fields: [{ field: 'body', reason: `nested deeper than ${MAX_JSON_DEPTH} levels` }] },
        },
      ];
    }
    if (parserError.type === 'entity.too.large') {
      return [HttpStatus.PAYLOAD_TOO_LARGE, { code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'The request body is too large' }];
    }
    if (error instanceof DomainError) {
      return [ERROR_STATUS[error.code], withDetails(error.code, error.message, error.details)];
    }
    if (error instanceof HttpException && (error.getStatus() < 500 || error.getStatus() === HttpStatus.SERVICE_UNAVAILABLE)) {
      const status = error.getStatus();
      const code = STATUS_CODE[status] ?? ErrorCode.INTERNAL;
      const payload = error.getResponse();
      const details = status === HttpStatus.SERVICE_UNAVAILABLE && typeof payload === 'object' ? (payload as Record<string, unknown>) : undefined;
      return [status, withDetails(code, error.message, details)];
    }
    if (parserError.type && parserError.status && parserError.status < 500) {
      return [HttpStatus.BAD_REQUEST, { code: ErrorCode.VALIDATION_FAILED, message: 'The request body could not be read' }];
    }
    if (isTransactionConflict(error)) {
      this.logger.warn({ err: error, method: request.method, url: request.originalUrl }, 'Transaction conflict');
      return [HttpStatus.CONFLICT, { code: ErrorCode.CONFLICT, message: 'This change collided with another one made at the same moment and was not saved; try again' }];
    }
    const service = unavailableService(error);
    if (service) {
      this.logger.warn({ err: error, method: request.method, url: request.originalUrl }, `${service} unavailable`);
      return [HttpStatus.SERVICE_UNAVAILABLE, { code: ErrorCode.UNAVAILABLE, message: `${service} is unavailable; try again shortly`, details: { service } }];
    }
    const errorId = String(request.id ?? 'unknown');
    this.logger.error({ err: error, errorId, method: request.method, url: request.originalUrl }, 'Unhandled error');
    return [HttpStatus.INTERNAL_SERVER_ERROR, { code: ErrorCode.INTERNAL, message: 'Internal server error', details: { errorId } }];
  }
}

function withDetails(code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody {
  return details === undefined ? { code, message } : { code, message, details };
}
