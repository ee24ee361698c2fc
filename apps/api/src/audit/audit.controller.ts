import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@motcua/domain';
import { AuditRepository } from '@motcua/persistence';
import { Authenticated, Roles } from '../auth/auth.decorators';
import { AuditPageDto, AuditQueryDto, toAuditEntry } from './dto/audit.dto';

@ApiTags('audit')
@Authenticated()
@Roles(Role.ADMIN)
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first: every change made through the API and every failed login (ADMIN)' })
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const { items, total } = await this.audit.list({ from: query.from, to: query.to, actor: query.actor, entity: query.entity, entityKey: query.key, limit: query.limit, offset: query.offset });
    return { items: items.map(toAuditEntry), total, limit: query.limit, offset: query.offset };
  }
}
