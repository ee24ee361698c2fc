import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { AgenciesService } from './agencies.service';
import { AgencyPageDto, AgencyResponseDto, toAgencyPage, toAgencyResponse } from './dto/agency-response.dto';
import { CreateAgencyDto, ListAgenciesQuery, UpdateAgencyDto } from './dto/agency.dto';

@ApiTags('agencies')
@Authenticated()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @ApiOperation({ summary: "Agencies inside the caller's scope" })
  @ApiOkResponse({ type: AgencyPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: ListAgenciesQuery): Promise<AgencyPageDto> {
    return toAgencyPage(await this.agencies.list(actor, query));
  }

  @Get(':code')
  @ApiOperation({ summary: 'One agency by its electronic ID code' })
  @ApiOkResponse({ type: AgencyResponseDto })
  @ApiNotFoundResponse({ description: 'No such agency in your scope' })
  async get(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<AgencyResponseDto> {
    return toAgencyResponse(await this.agencies.get(actor, code));
  }

  @Post()
  @Roles(Role.ADMIN, Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: 'Create an agency (ADMIN)' })
  @ApiCreatedResponse({ type: AgencyResponseDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateAgencyDto): Promise<AgencyResponseDto> {
    return toAgencyResponse(await this.agencies.create(actor, dto));
  }

  @Patch(':code')
  @Roles(Role.ADMIN, Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: 'Change an agency (ADMIN)' })
  @ApiOkResponse({ type: AgencyResponseDto })
  async update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UpdateAgencyDto): Promise<AgencyResponseDto> {
    return toAgencyResponse(await this.agencies.update(actor, code, dto));
  }
}
