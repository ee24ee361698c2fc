import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IntakeService } from '@motcua/dossiers';
import { formatVietnameseDateTime, STATUS_LABEL } from '@motcua/domain';
import type { Actor, Dossier } from '@motcua/domain';
import { Authenticated, CurrentActor } from '../auth/auth.decorators';
import { toCsv } from '../common/csv';
import { RegisterQuery } from '../dossiers/dto/list-dossiers.query';

export class RegisterRowDto {
  @ApiProperty() dossierCode!: string;
  @ApiProperty() procedureName!: string;
  @ApiProperty() applicantName!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) appointmentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) returnedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) returnMethod!: string | null;
}

export class RegisterDto {
  @ApiProperty() agencyCode!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [RegisterRowDto] }) rows!: RegisterRowDto[];
}

const RETURN_METHOD_LABEL: Record<string, string> = { counter: 'Nhận trực tiếp', post: 'Qua bưu chính', online: 'Trực tuyến' };
const at = (instant: Date | null) => (instant ? formatVietnameseDateTime(instant) : '');

/** Sổ theo dõi hồ sơ (BM.06): the dossiers an agency received in a period, as JSON or CSV. */
@ApiTags('dossiers')
@Authenticated()
@Controller('registers')
export class RegistersController {
  constructor(private readonly intake: IntakeService) {}

  @Get()
  @ApiOperation({ summary: 'The register book (BM.06) of an agency in your scope; format=csv downloads it' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: RegisterDto })
  async register(@CurrentActor() actor: Actor, @Query() query: RegisterQuery, @Res({ passthrough: true }) response: Response): Promise<RegisterDto | string> {
    const { agency, dossiers } = await this.intake.register(actor, query.agency ?? actor.agencyCode, query.from, query.to);
    if (query.format === 'csv') {
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="so-theo-doi-${agency.code}-${query.from}-${query.to}.csv"`);
      // The BOM makes spreadsheet programs read the Vietnamese text as UTF-8.
      return registerCsv(dossiers);
    }
    return { agencyCode: agency.code, agencyName: agency.name, from: query.from, to: query.to, rows: dossiers.map(toRow) };
  }
}

function toRow(dossier: Dossier): RegisterRowDto {
  return {
    dossierCode: dossier.code,
    procedureName: dossier.procedureName,
    applicantName: dossier.applicant.fullName,
    status: dossier.status,
    receivedAt: dossier.receivedAt!.toISOString(),
    appointmentAt: dossier.dueAt?.toISOString() ?? null,
    returnedAt: dossier.returnedAt?.toISOString() ?? null,
    returnMethod: dossier.returnMethod,
  };
}

function registerCsv(dossiers: Dossier[]): string {
  return toCsv(
    ['STT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Tổ chức, cá nhân', 'Ngày nhận hồ sơ', 'Ngày hẹn trả', 'Ngày trả kết quả', 'Cách thức nhận kết quả', 'Tình trạng'],
    dossiers.map((dossier, index) => [
      index + 1,
      dossier.code,
      dossier.procedureName,
      dossier.applicant.fullName,
      at(dossier.receivedAt),
      at(dossier.dueAt),
      at(dossier.returnedAt),
      dossier.returnMethod ? RETURN_METHOD_LABEL[dossier.returnMethod] : '',
      STATUS_LABEL[dossier.status],
    ]),
  );
}
