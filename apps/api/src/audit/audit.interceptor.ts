import { CallHandler, ExecutionContext, HttpStatus, Injectable, Logger, NestInterceptor, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { DomainError, ErrorCode } from '@motcua/domain';
import { AuditEntry, AuditRepository } from '@motcua/persistence';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { ERROR_STATUS } from '../common/error-status';
import { AUDIT_READS_KEY } from './audit-reads.decorator';

type AuditedRequest = Request & Partial<AuthenticatedRequest> & { id?: string };

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Refused logins are recorded; those refused for waiting (429) are not, or a client could fill the log. */
const LOGIN_FAILURES = new Set([ErrorCode.INVALID_CREDENTIALS, ErrorCode.DEMO_PASSWORD_REFUSED]);

/**
 * Appends every successful change made through the API to the audit log before the answer leaves:
 * who (the actor, or the username a login claimed), when, what (method and route, the record's kind
 * and key) and from which address. Failed logins are recorded too. Reads are not, unless marked
 * @AuditReads() (downloads of dossier files).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(
    private readonly audit: AuditRepository,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    if (READS.has(request.method) && !this.reflector.get<boolean>(AUDIT_READS_KEY, context.getHandler())) return next.handle();
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === RequestMethod[RequestMethod.POST] ? HttpStatus.CREATED : HttpStatus.OK);
    return next.handle().pipe(
      mergeMap((result) => from(this.record(request, status, result).then(() => result))),
      catchError((error: unknown) => {
        const loginFailed = isLogin(request) && error instanceof DomainError && LOGIN_FAILURES.has(error.code);
        return loginFailed ? from(this.record(request, ERROR_STATUS[error.code], undefined)).pipe(mergeMap(() => throwError(() => error))) : throwError(() => error);
      }),
    );
  }

  private async record(request: AuditedRequest, status: number, result: unknown): Promise<void> {
    const route = routeOf(request);
    const loggedIn = isLogin(request) ? (result as { user?: { id: string; username: string; role: string } } | undefined)?.user : undefined;
    const entry: AuditEntry = {
      actorId: request.actor?.userId ?? loggedIn?.id ?? null,
      actorUsername: request.actor?.username ?? loggedIn?.username ?? (isLogin(request) ? String(request.body?.username ?? '').slice(0, 100) : null),
      actorRole: request.actor?.role ?? loggedIn?.role ?? null,
      ip: request.ip ?? 'unknown',
      action: `${request.method} ${route}`,
      entity: route.split('/')[2] ?? route,
      entityKey: entityKey(request, result),
      status,
      requestId: request.id ?? null,
      scopePath: request.actor?.scope.unitPath ?? null,
    };
    await this.audit.record(entry).catch((error: Error) => this.logger.error({ err: error, entry }, 'Audit entry not written'));
  }
}

/** The matched route's pattern (`/api/dossiers/:code/accept`), whatever the case or trailing slash of the address. */
const routeOf = (request: AuditedRequest) => `${request.baseUrl ?? ''}${(request.route as { path?: string } | undefined)?.path ?? request.path}`;
const isLogin = (request: AuditedRequest) => routeOf(request) === '/api/auth/login';

/** The changed record's key: the route's first parameter (code, id, year, username), else what a creation returned. */
function entityKey(request: AuditedRequest, result: unknown): string | null {
  const [fromRoute] = Object.values(request.params ?? {});
  if (fromRoute) return String(fromRoute);
  const created = result as { code?: unknown; username?: unknown; id?: unknown } | undefined;
  const key = created?.code ?? created?.username ?? created?.id;
  return key === undefined ? null : String(key);
}
