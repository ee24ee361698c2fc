import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { AuditRepository } from '@motcua/persistence';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { AuditPageDto, AuditQueryDto, toAuditEntry } from './dto/audit.dto';

@ApiTags('audit')
@Authenticated()
@Roles(Role.ADMIN, Role.SYSTEM_ADMIN)
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first: every change made through the API and every failed login, by accounts inside your scope (ADMIN)' })
  @ApiOkResponse({ type: AuditPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const { items, total } = await this.audit.list(actor.scope, {
      from: query.from,
      to: query.to,
      actor: query.actor,
      entity: query.entity,
      entityKey: query.key,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: items.map(toAuditEntry), total, limit: query.limit, offset: query.offset };
  }
}
