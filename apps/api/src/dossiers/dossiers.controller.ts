import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Query, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Clock } from '@motcua/config';
import { IntakeService, SlipsService } from '@motcua/dossiers';
import { TasksService } from '@motcua/workflow';
import type { IntakeDecision, IntakeInput } from '@motcua/dossiers';
import { DomainError, Role } from '@motcua/domain';
import { renderSlipHtml } from '@motcua/slips';
import type { SlipForm } from '@motcua/slips';
import type { Actor } from '@motcua/domain';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { CreateDossierDto, toIntakeInput } from './dto/create-dossier.dto';
import { ApologyDto, PaymentDto, RefuseDossierDto, RequestSupplementDto, ReturnDossierDto, SupplementDossierDto, WithdrawDossierDto } from './dto/dossier-action.dto';
import { DossierPageDto, DossierResponseDto, toDossierPage, toDossierResponse } from './dto/dossier-response.dto';
import { ListDossiersQuery } from './dto/list-dossiers.query';
import { SlipPrinter } from './slip-printer';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Makes a retried or double-clicked request return the first response instead of acting twice',
};

/** hồ sơ: intake at the counter and the counter's later actions. Every instant is the server's. */
@ApiTags('dossiers')
@Authenticated()
@Controller('dossiers')
export class DossiersController {
  constructor(
    private readonly intake: IntakeService,
    private readonly slips: SlipsService,
    private readonly tasks: TasksService,
    private readonly clock: Clock,
    private readonly printer: SlipPrinter,
  ) {}

  @Post()
  @Roles(Role.RECEPTION)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'File a dossier: counter filings are accepted, sent back for papers or refused on the spot' })
  @ApiCreatedResponse({ type: DossierResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'Mandatory papers missing (details.missingDocuments), unknown procedure, variant or commune' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateDossierDto): Promise<DossierResponseDto> {
    const now = this.clock.now();
    return toDossierResponse(await this.intake.submit(actor, toIntakeInput(dto), now), now);
  }

  @Get()
  @ApiOperation({ summary: "Dossiers in the caller's scope" })
  @ApiOkResponse({ type: DossierPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: ListDossiersQuery): Promise<DossierPageDto> {
    const now = this.clock.now();
    const { items, total, totalCapped } = await this.intake.list(actor, {
      status: query.status,
      procedureCode: query.procedure,
      channel: query.channel,
      receivedFrom: query.receivedFrom ? new Date(query.receivedFrom) : undefined,
      receivedTo: query.receivedTo ? new Date(query.receivedTo) : undefined,
      dueFrom: query.dueFrom ? new Date(query.dueFrom) : undefined,
      dueTo: query.dueTo ? new Date(query.dueTo) : undefined,
      overdueAt: query.overdue ? now : undefined,
      agencyCode: query.agency,
      search: query.q,
      sort: query.sort,
      order: query.order,
      limit: query.limit,
      offset: query.offset,
    });
    return toDossierPage({ items, total, totalCapped, limit: query.limit, offset: query.offset }, now);
  }

  @Get(':code')
  @ApiOperation({ summary: 'Everything about a dossier: its history, the steps open now at every agency, where each step goes' })
  @ApiOkResponse({ type: DossierResponseDto })
  async get(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<DossierResponseDto> {
    const { dossier, history } = await this.intake.get(actor, code);
    const [{ openSteps, routes }, applicantAddress] = await Promise.all([this.tasks.whereabouts(dossier), this.slips.applicantAddress(dossier)]);
    return toDossierResponse(dossier, this.clock.now(), { history, openSteps, routes, applicantAddress });
  }

  @Get(':code/slips/:form')
  @ApiOperation({ summary: 'A printable slip (BM.01 receipt, BM.02 supplement request, BM.03 refusal, BM.04 apology, BM.05 control slip): HTML, or PDF with Accept: application/pdf or a .pdf suffix' })
  @ApiProduces('text/html', 'application/pdf')
  @ApiParam({ name: 'form', example: 'BM.01.pdf', description: 'BM.01, BM.02 or BM.03, optionally with .pdf' })
  async slip(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Param('form') requested: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | string> {
    const match = /^(BM\.0[1-6])(\.pdf)?$/.exec(requested);
    if (!match) throw DomainError.validation([{ field: 'form', reason: 'must be BM.01 … BM.06, optionally with .pdf' }]);
    const slip = await this.slips.slip(actor, code, match[1] as SlipForm);
    if (match[2] || accept?.includes('application/pdf')) {
      response.setHeader('Content-Type', 'application/pdf');
      response.setHeader('Content-Disposition', `inline; filename="${match[1]}-${code}.pdf"`);
      return new StreamableFile(await this.printer.print(slip));
    }
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    return renderSlipHtml(slip);
  }

  @Post(':code/accept')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.RECEPTION)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Accept a waiting filing: receipt, appointment, and off to the workflow' })
  @ApiOkResponse({ type: DossierResponseDto })
  @ApiConflictResponse({ description: 'DOSSIER_NOT_IN_STATE: not waiting for a decision' })
  accept(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: SupplementDossierDto): Promise<DossierResponseDto> {
    return this.decide(actor, code, { action: 'accept' }, dto.documents);
  }

  @Post(':code/request-supplement')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.RECEPTION)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Ask for everything missing at once (BM.02); nothing is received, no clock runs' })
  @ApiOkResponse({ type: DossierResponseDto })
  requestSupplement(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: RequestSupplementDto): Promise<DossierResponseDto> {
    return this.decide(actor, code, { action: 'request-supplement', items: dto.items });
  }

  @Post(':code/refuse')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.RECEPTION)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Refuse a waiting filing with a reason (BM.03)' })
  @ApiOkResponse({ type: DossierResponseDto })
  refuse(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: RefuseDossierDto): Promise<DossierResponseDto> {
    return this.decide(actor, code, { action: 'refuse', reason: dto.reason });
  }

  @Post(':code/supplement')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.RECEPTION)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'The missing papers arrived: the clock resumes or restarts per the procedure' })
  @ApiOkResponse({ type: DossierResponseDto })
  async supplement(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: SupplementDossierDto): Promise<DossierResponseDto> {
    const now = this.clock.now();
    return toDossierResponse(await this.intake.supplement(actor, code, dto.documents, dto.note ?? null, now), now);
  }

  @Post(':code/payment')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.RECEPTION)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: "The citizen's financial obligation is met: processing and the clock resume" })
  @ApiOkResponse({ type: DossierResponseDto })
  async payment(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: PaymentDto): Promise<DossierResponseDto> {
    const now = this.clock.now();
    return toDossierResponse(await this.intake.recordPayment(actor, code, dto.note ?? null, now), now);
  }

  @Post(':code/apology')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.PROCESSOR, Role.LEADER)
  @ApiOperation({ summary: 'Apologise and set a new return date (BM.04), once; the dossier still counts as late' })
  @ApiOkResponse({ type: DossierResponseDto })
  async apology(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: ApologyDto): Promise<DossierResponseDto> {
    const now = this.clock.now();
    return toDossierResponse(await this.tasks.apologize(actor, code, dto.reason, new Date(dto.newReturnDate), now), now);
  }

  @Post(':code/withdraw')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.RECEPTION)
  @ApiOperation({ summary: "The citizen's request to withdraw" })
  @ApiOkResponse({ type: DossierResponseDto })
  async withdraw(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: WithdrawDossierDto): Promise<DossierResponseDto> {
    const now = this.clock.now();
    return toDossierResponse(await this.intake.withdraw(actor, code, dto.reason, now), now);
  }

  @Post(':code/return')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.RECEPTION)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Hand the result to the citizen (counter, post or online)' })
  @ApiOkResponse({ type: DossierResponseDto })
  async returnResult(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: ReturnDossierDto): Promise<DossierResponseDto> {
    const now = this.clock.now();
    return toDossierResponse(await this.intake.returnResult(actor, code, dto.method, dto.note ?? null, now), now);
  }

  private async decide(actor: Actor, code: string, decision: IntakeDecision, documents?: IntakeInput['documents']): Promise<DossierResponseDto> {
    const now = this.clock.now();
    return toDossierResponse(await this.intake.decide(actor, code, decision, documents, now), now);
  }
}
