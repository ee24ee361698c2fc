import { Injectable } from '@nestjs/common';
import { AppConfig, Clock } from '@motcua/config';
import { DEMO_PASSWORD, DomainError, ErrorCode, hashPassword, Role } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { AgenciesRepository, UserPatch, UserRecord, UsersRepository } from '@motcua/persistence';
import { TasksService } from '@motcua/workflow';
import type { Page } from '../common/page';
import type { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/user.dto';

/**
 * Accounts of officers, inside the administrator's scope. System administrators' accounts are the
 * system administrators' own business: a unit's administrator neither sees nor makes one (setting
 * its password would be taking it over).
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly agencies: AgenciesRepository,
    private readonly config: AppConfig,
    private readonly tasks: TasksService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ListUsersQuery): Promise<Page<UserRecord>> {
    const { items, total } = await this.users.list(actor.scope, {
      agencyCode: query.agency,
      role: query.role,
      q: query.q,
      active: query.active,
      hiddenRoles: isSystemAdmin(actor) ? [] : [Role.SYSTEM_ADMIN],
      limit: query.limit,
      offset: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, username: string): Promise<UserRecord> {
    const user = await this.users.findByUsername(actor.scope, username);
    if (!user || (user.role === Role.SYSTEM_ADMIN && !isSystemAdmin(actor))) throw DomainError.notFound('User', username);
    return user;
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserRecord> {
    assertMayGrant(actor, dto.role);
    const agencyId = await this.agencyId(actor, dto.agencyCode);
    await this.users.create({ username: dto.username, passwordHash: await this.hash(dto.password), fullName: dto.fullName, role: dto.role, agencyId, email: dto.email ?? null });
    return this.get(actor, dto.username);
  }

  async update(actor: Actor, username: string, dto: UpdateUserDto): Promise<UserRecord> {
    const user = await this.get(actor, username);
    assertMayGrant(actor, dto.role);
    if (user.id === actor.userId && (dto.active === false || (dto.role !== undefined && dto.role !== user.role))) {
      throw new DomainError(ErrorCode.UNPROCESSABLE, 'You cannot deactivate yourself or change your own role', {
        fields: [{ field: dto.active === false ? 'active' : 'role', reason: 'not on your own account' }],
      });
    }
    // A deactivated account's tokens stay dead if it is reactivated.
    const patch: UserPatch = { fullName: dto.fullName, role: dto.role, email: dto.email, active: dto.active, revokeTokens: dto.active === false || undefined };
    if (dto.agencyCode !== undefined) patch.agencyId = await this.agencyId(actor, dto.agencyCode);
    await this.users.update(user.id, patch);
    // A deactivated officer's steps go back to their agency's inbox.
    if (dto.active === false && user.active) await this.tasks.releaseClaimsOf(actor, user.id, this.clock.now());
    return this.get(actor, username);
  }

  async setPassword(actor: Actor, username: string, password: string): Promise<void> {
    const user = await this.get(actor, username);
    // Tokens issued with the old password stop working.
    await this.users.update(user.id, { passwordHash: await this.hash(password), revokeTokens: true });
  }

  private async agencyId(actor: Actor, code: string): Promise<string> {
    const agency = await this.agencies.findByCode(actor.scope, code);
    if (!agency) throw DomainError.field('agencyCode', 'no such agency in your scope');
    return agency.id;
  }

  private async hash(password: string): Promise<string> {
    if (this.config.isProduction && password === DEMO_PASSWORD) {
      throw DomainError.field('password', 'the demo password is refused in production');
    }
    return hashPassword(password);
  }
}

const isSystemAdmin = (actor: Actor) => actor.role === Role.SYSTEM_ADMIN;

function assertMayGrant(actor: Actor, role: Role | undefined): void {
  if (role === Role.SYSTEM_ADMIN && !isSystemAdmin(actor)) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'Only a system administrator may make another', { fields: [{ field: 'role', reason: 'only a system administrator grants SYSTEM_ADMIN' }] });
  }
}
