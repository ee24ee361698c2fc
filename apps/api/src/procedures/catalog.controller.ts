import { Body, Controller, Get, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogService } from '@motcua/catalog';
import { Clock } from '@motcua/config';
import type { CatalogDocument } from '@motcua/catalog';
import { Role } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { CatalogDocumentDto, CatalogImportResultDto, toCatalogDocument } from './dto/catalog-import.dto';

@ApiTags('procedures')
@Authenticated()
@Roles(Role.SYSTEM_ADMIN)
@Controller('catalog')
export class CatalogController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
  ) {}

  @Get('export')
  @Header('Content-Disposition', 'attachment; filename="motcua-catalog.json"')
  @ApiOperation({ summary: 'The whole catalog, with every workflow version, as one JSON document (SYSTEM_ADMIN)' })
  @ApiOkResponse({ type: CatalogDocumentDto })
  export(): Promise<CatalogDocument> {
    return this.catalog.export(this.clock.now());
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Bring the catalog in line with a document (SYSTEM_ADMIN): all or nothing, idempotent' })
  @ApiOkResponse({ type: CatalogImportResultDto })
  import(@CurrentActor() actor: Actor, @Body() dto: CatalogDocumentDto): Promise<CatalogImportResultDto> {
    return this.catalog.import(toCatalogDocument(dto), actor.userId);
  }
}
