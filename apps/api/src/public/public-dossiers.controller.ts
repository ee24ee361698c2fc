import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { PublicLookupService } from '@motcua/dossiers';
import { Public } from '../auth/auth.decorators';
import { PublicDossierDto, RatingDto, toPublicDossier, VerifierQuery } from './dto/public-dossier.dto';
import { LookupLimiter } from './lookup-limiter';

/** For citizens, without login: the page the receipt's QR code opens. */
@ApiTags('public')
@Public()
@Controller('public/dossiers')
export class PublicDossiersController {
  constructor(
    private readonly lookups: PublicLookupService,
    private readonly limiter: LookupLimiter,
  ) {}

  @Get(':code')
  @ApiOperation({ summary: 'Where is my dossier? By its code and the verifier printed on the receipt' })
  @ApiOkResponse({ type: PublicDossierDto })
  @ApiNotFoundResponse({ description: 'The same answer for a wrong code and a wrong verifier' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed lookups from this client; see Retry-After' })
  async lookup(@Ip() client: string, @Param('code') code: string, @Query() query: VerifierQuery): Promise<PublicDossierDto> {
    return toPublicDossier(await this.limiter.guard(client, code, () => this.lookups.lookup(code, query.verifier)));
  }

  @Post(':code/rating')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Rate the service once, after the result was returned' })
  @ApiNoContentResponse()
  async rate(@Ip() client: string, @Param('code') code: string, @Body() dto: RatingDto): Promise<void> {
    await this.limiter.guard(client, code, () => this.lookups.rate(code, dto.verifier, dto.score, dto.comment ?? null));
  }
}
