import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CatalogService } from '@motcua/catalog';
import { Role } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { Authenticated, CurrentActor, Public, Roles } from '../auth/auth.decorators';
import { ProcedurePageDto, ProcedureResponseDto, toProcedurePage, toProcedureResponse, toWorkflowVersionResponse, WorkflowVersionResponseDto } from './dto/procedure-response.dto';
import { CreateProcedureDto, ListProceduresQuery, PublishWorkflowDto, toWorkflowSteps, UpdateProcedureDto, WorkflowVersionParams, WorkflowVersionQuery } from './dto/procedure.dto';

@ApiTags('procedures')
@Controller('procedures')
export class ProceduresController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The procedure catalog; search the name with or without diacritics' })
  @ApiOkResponse({ type: ProcedurePageDto })
  async list(@Query() query: ListProceduresQuery): Promise<ProcedurePageDto> {
    const { items, total } = await this.catalog.list({ ...query, search: query.q });
    return toProcedurePage({ items, total, limit: query.limit, offset: query.offset });
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'One procedure with the current version of each of its workflows' })
  @ApiOkResponse({ type: ProcedureResponseDto })
  async get(@Param('code') code: string): Promise<ProcedureResponseDto> {
    return toProcedureResponse(await this.catalog.get(code));
  }

  @Post()
  @Authenticated()
  @Roles(Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: 'Add a procedure (SYSTEM_ADMIN)' })
  @ApiCreatedResponse({ type: ProcedureResponseDto })
  async create(@Body() dto: CreateProcedureDto): Promise<ProcedureResponseDto> {
    return toProcedureResponse(await this.catalog.create(dto));
  }

  @Patch(':code')
  @Authenticated()
  @Roles(Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: 'Change a procedure (SYSTEM_ADMIN); dossiers already received keep what they were received under' })
  @ApiOkResponse({ type: ProcedureResponseDto })
  async update(@Param('code') code: string, @Body() dto: UpdateProcedureDto): Promise<ProcedureResponseDto> {
    return toProcedureResponse(await this.catalog.update(code, dto));
  }

  @Post(':code/workflow-versions')
  @Authenticated()
  @Roles(Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: 'Validate and publish the next version of a workflow (SYSTEM_ADMIN)' })
  @ApiCreatedResponse({ type: WorkflowVersionResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'Every problem of the workflow at once, each with its field path' })
  async publish(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: PublishWorkflowDto): Promise<WorkflowVersionResponseDto> {
    const version = await this.catalog.publishWorkflow(code, dto.variant ?? null, { steps: toWorkflowSteps(dto.steps) }, actor.userId);
    return toWorkflowVersionResponse(version);
  }

  @Get(':code/workflow-versions/:n')
  @Public()
  @ApiOperation({ summary: 'One published version of a workflow' })
  @ApiOkResponse({ type: WorkflowVersionResponseDto })
  async version(@Param() params: WorkflowVersionParams, @Query() query: WorkflowVersionQuery): Promise<WorkflowVersionResponseDto> {
    return toWorkflowVersionResponse(await this.catalog.version(params.code, query.variant ?? null, params.n));
  }
}
