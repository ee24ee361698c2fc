import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { Request, Response } from 'express';
import { Clock } from '@motcua/config';
import { type Actor, DomainError, ErrorCode, foldVietnamese, Role } from '@motcua/domain';
import { DossierFilesService } from '@motcua/dossiers';
import { AuditReads } from '../audit/audit-reads.decorator';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { DossierFileDto, DossierFileListDto, ReusableFileListDto, ReuseFileDto, SignatureCheckDto, toDossierFileDto, UploadFileDto } from './dto/dossier-file.dto';
import { FilePart, readFilePart } from './multipart-upload';

const fileId = new ParseUUIDPipe({ exceptionFactory: () => new DomainError(ErrorCode.NOT_FOUND, 'No such file in this dossier') });

/** Shown in the browser rather than saved: PDF and images (the console previews them). */
const INLINE = new Set(['application/pdf', 'image/jpeg', 'image/png']);

@ApiTags('dossiers')
@Authenticated()
@Controller('dossiers/:code')
export class FilesController {
  constructor(
    private readonly files: DossierFilesService,
    private readonly clock: Clock,
  ) {}

  @Post('files')
  @HttpCode(HttpStatus.CREATED)
  @Roles(Role.RECEPTION, Role.PROCESSOR, Role.LEADER)
  @ApiOperation({
    summary:
      "Attach a file: a paper of the checklist at the counter (kind paper, documentKey), a step's working paper (kind working), or the result (kind result, by the officer who claimed the step). Streams to storage; 413 past the size limit, 415 unless PDF, JPEG or PNG by content, 422 past the files per dossier, 409 once the dossier is finished",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadFileDto })
  @ApiCreatedResponse({ type: DossierFileDto })
  async upload(@CurrentActor() actor: Actor, @Param('code') code: string, @Req() request: Request): Promise<DossierFileDto> {
    let part: FilePart | undefined;
    const receive = async () => {
      part = await readFilePart(request);
      return { fields: part.fields, fileName: part.fileName, body: part.file };
    };
    try {
      return toDossierFileDto(await this.files.upload(actor, code, receive, this.clock.now()));
    } finally {
      // Whatever was not read (a refused upload) is drained, so the connection stays usable.
      if (part) part.drain();
      else request.resume();
    }
  }

  @Get('files')
  @ApiOperation({ summary: "The dossier's files, every version, oldest first" })
  @ApiOkResponse({ type: DossierFileListDto })
  async list(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<DossierFileListDto> {
    return { items: (await this.files.list(actor, code)).map(toDossierFileDto) };
  }

  @Get('reusable-files')
  @ApiOperation({ summary: "The applicant's papers and results in earlier dossiers (same ID number, inside the caller's scope), to reuse instead of scanning again" })
  @ApiOkResponse({ type: ReusableFileListDto })
  async reusable(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<ReusableFileListDto> {
    return { items: (await this.files.reusable(actor, code)).map((file) => ({ ...toDossierFileDto(file), dossierCode: file.dossierCode })) };
  }

  @Post('reused-files')
  @HttpCode(HttpStatus.CREATED)
  @Roles(Role.RECEPTION)
  @ApiOperation({ summary: 'Attach an earlier paper or result of the applicant as a paper of this dossier, flagged as reused (Decision 766, indicator 4.3)' })
  @ApiCreatedResponse({ type: DossierFileDto })
  async reuse(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: ReuseFileDto): Promise<DossierFileDto> {
    return toDossierFileDto(await this.files.reuse(actor, code, dto.fileId, dto.documentKey, this.clock.now()));
  }

  @Get('files/:fileId/signature')
  @ApiOperation({ summary: "Checks a PDF's signature: who signed it, when, and that not a byte changed since" })
  @ApiOkResponse({ type: SignatureCheckDto })
  signature(@CurrentActor() actor: Actor, @Param('code') code: string, @Param('fileId', fileId) id: string): Promise<SignatureCheckDto> {
    return this.files.signature(actor, code, id);
  }

  @Get('files/:fileId')
  @AuditReads()
  @ApiOperation({ summary: 'Download a file (inline for PDF and images); each download is audited' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  async download(@CurrentActor() actor: Actor, @Param('code') code: string, @Param('fileId', fileId) id: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const { file, content } = await this.files.open(actor, code, id);
    // The UTF-8 name for today's browsers, its unaccented form for the rest.
    response.setHeader('Content-Disposition', contentDisposition(file.name, { type: INLINE.has(file.mediaType) ? 'inline' : 'attachment', fallback: foldVietnamese(file.name) }));
    response.setHeader('ETag', `"${file.sha256}"`);
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(content, { type: file.mediaType, length: file.size });
  }
}
