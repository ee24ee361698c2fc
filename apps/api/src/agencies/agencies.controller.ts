import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '@motcua/config';
import { Role } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { AgenciesService } from './agencies.service';
import { AgencyPageDto, AgencyResponseDto, toAgencyPage, toAgencyResponse } from './dto/agency-response.dto';
import { CreateAgencyDto, ListAgenciesQuery, UpdateAgencyDto } from './dto/agency.dto';
import { InstallSigningKeyDto, SigningKeyDto, toSigningKeyDto } from './dto/signing-key.dto';

@ApiTags('agencies')
@Authenticated()
@Controller('agencies')
export class AgenciesController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly clock: Clock,
  ) {}

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

  @Get(':code/signing-key')
  @Roles(Role.ADMIN, Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: 'The certificate the agency signs its electronic results with (ADMIN); never the private key' })
  @ApiOkResponse({ type: SigningKeyDto })
  @ApiNotFoundResponse({ description: 'No such agency in your scope, or no key installed' })
  async signingKey(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<SigningKeyDto> {
    return toSigningKeyDto(await this.agencies.signingKey(actor, code), this.clock.now());
  }

  @Put(':code/signing-key')
  @Roles(Role.ADMIN, Role.SYSTEM_ADMIN)
  @ApiOperation({
    summary:
      "Install or replace the agency's signing key (ADMIN): its PKCS#12 file from the CA and the passphrase. 422 naming pkcs12 or passphrase unless it opens, holds a key and its certificate, and the certificate is valid now",
  })
  @ApiOkResponse({ type: SigningKeyDto })
  async installSigningKey(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: InstallSigningKeyDto): Promise<SigningKeyDto> {
    const now = this.clock.now();
    return toSigningKeyDto(await this.agencies.installSigningKey(actor, code, { pkcs12: Buffer.from(dto.pkcs12, 'base64'), passphrase: dto.passphrase }, now), now);
  }
}
