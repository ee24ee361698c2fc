import { Controller, Get, Header, Ip, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicLookupService } from '@motcua/dossiers';
import { DomainError, ErrorCode } from '@motcua/domain';
import { Public } from '../auth/auth.decorators';
import { toPublicDossier } from './dto/public-dossier.dto';
import { LookupLimiter } from './lookup-limiter';
import { lookupForm, statusPage } from './status-page';

/**
 * The page a receipt's QR code opens (outside /api): a form for the 4-digit verifier, then the
 * dossier's status in plain Vietnamese. The same lookup and the same failure limit as the JSON API.
 */
@ApiExcludeController()
@Public()
@Controller('tra-cuu')
export class StatusPageController {
  constructor(
    private readonly lookups: PublicLookupService,
    private readonly limiter: LookupLimiter,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async show(@Ip() client: string, @Query('ma') code = '', @Query('v') verifier?: string): Promise<string> {
    if (!verifier) return lookupForm(String(code));
    try {
      return statusPage(toPublicDossier(await this.limiter.guard(client, () => this.lookups.lookup(String(code), String(verifier)))));
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.RATE_LIMITED) {
        return lookupForm(String(code), 'Ông/bà đã nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.');
      }
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) {
        return lookupForm(String(code), 'Không tìm thấy hồ sơ với mã và số xác thực này.');
      }
      throw error;
    }
  }
}
