import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor, Role } from '@motcua/domain';

export const PUBLIC_KEY = 'motcua:public';
export const ROLES_KEY = 'motcua:roles';

/** No login needed (login itself, health, citizen lookup). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the handler; others get 403. */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES_KEY, roles), ApiForbiddenResponse({ description: `Roles: ${roles.join(', ')}` }));

/** Marks a controller as needing a bearer token in the OpenAPI document. */
export const Authenticated = () => applyDecorators(ApiBearerAuth(), ApiUnauthorizedResponse({ description: 'No or invalid token' }));

export interface AuthenticatedRequest {
  actor: Actor;
}

/** The authenticated caller, set by the AuthGuard. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => context.switchToHttp().getRequest<AuthenticatedRequest>().actor);
