import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, Observable, switchMap, throwError } from 'rxjs';
import { DomainError, ErrorCode } from '@motcua/domain';
import { IdempotencyRepository } from '@motcua/persistence';
import type { AuthenticatedRequest } from '../auth/auth.decorators';

const KEY = /^[\w.:-]{8,200}$/;
const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 10_000;

/**
 * `Idempotency-Key`: a retried or double-clicked request gets the first one's response (status and
 * body) instead of doing the work twice; the same key with a different request is a 409. A request
 * that fails frees its key so the client can try again. Keys belong to the user who sent them.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly keys: IdempotencyRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header('idempotency-key');
    if (key === undefined) return next.handle();
    if (!KEY.test(key)) {
      return throwError(() => DomainError.validation([{ field: 'Idempotency-Key', reason: 'must be 8–200 letters, digits, ".", ":", "_" or "-"' }]));
    }
    const actorId = request.actor.userId;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    return from(this.keys.claim(actorId, key, hash)).pipe(
      switchMap((earlier) => {
        if (earlier === null) {
          return next.handle().pipe(
            switchMap((body) => from(this.keys.complete(actorId, key, response.statusCode, body).then(() => body))),
            catchError((error: unknown) => from(this.keys.release(actorId, key)).pipe(switchMap(() => throwError(() => error)))),
          );
        }
        return from(this.replay(actorId, key, hash, response));
      }),
    );
  }

  /** The first request's response, once it has one. */
  private async replay(actorId: string, key: string, hash: string, response: Response): Promise<unknown> {
    for (let waited = 0; ; waited += WAIT_STEP_MS) {
      const earlier = await this.keys.find(actorId, key);
      if (earlier && earlier.requestHash !== hash) {
        throw new DomainError(ErrorCode.IDEMPOTENCY_MISMATCH, 'This Idempotency-Key was used for a different request');
      }
      if (earlier && earlier.status !== 0) {
        response.status(earlier.status);
        return earlier.body;
      }
      if (!earlier) throw new DomainError(ErrorCode.CONFLICT, 'The first request with this Idempotency-Key failed; send it again');
      if (waited >= WAIT_LIMIT_MS) throw new DomainError(ErrorCode.CONFLICT, 'A request with this Idempotency-Key is still in progress');
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }
}
