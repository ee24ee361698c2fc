import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IntakeService } from '@motcua/dossiers';
import { currentAppointment, formatVietnameseDateTime, STATUS_LABEL } from '@motcua/domain';
import type { Actor, Dossier } from '@motcua/domain';
import { Authenticated, CurrentActor } from '../auth/auth.decorators';
import { csvStream } from '../common/csv';
import { RegisterQuery } from '../dossiers/dto/list-dossiers.query';

export class RegisterRowDto {
  @ApiProperty() dossierCode!: string;
  @ApiProperty() procedureName!: string;
  @ApiProperty() applicantName!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The current appointment: the apology’s new date (BM.04) when one was issued' }) appointmentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) returnedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) returnMethod!: string | null;
}

export class RegisterDto {
  @ApiProperty() agencyCode!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [RegisterRowDto] }) rows!: RegisterRowDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
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
  @ApiOperation({ summary: 'The register book (BM.06) of an agency in your scope, at most a year: JSON by pages; format=csv downloads all of it, streamed' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: RegisterDto })
  async register(@CurrentActor() actor: Actor, @Query() query: RegisterQuery, @Res({ passthrough: true }) response: Response): Promise<RegisterDto | StreamableFile> {
    const agencyCode = query.agency ?? actor.agencyCode;
    if (query.format === 'csv') {
      const { agency, rows } = await this.intake.registerRows(actor, agencyCode, query.from, query.to);
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="so-theo-doi-${agency.code}-${query.from}-${query.to}.csv"`);
      return new StreamableFile(csvStream(REGISTER_COLUMNS, registerLines(rows)));
    }
    const { agency, items, total } = await this.intake.registerPage(actor, agencyCode, query.from, query.to, query.limit, query.offset);
    return { agencyCode: agency.code, agencyName: agency.name, from: query.from, to: query.to, rows: items.map(toRow), total, limit: query.limit, offset: query.offset };
  }
}

function toRow(dossier: Dossier): RegisterRowDto {
  return {
    dossierCode: dossier.code,
    procedureName: dossier.procedureName,
    applicantName: dossier.applicant.fullName,
    status: dossier.status,
    receivedAt: dossier.receivedAt!.toISOString(),
    appointmentAt: currentAppointment(dossier)?.toISOString() ?? null,
    returnedAt: dossier.returnedAt?.toISOString() ?? null,
    returnMethod: dossier.returnMethod,
  };
}

const REGISTER_COLUMNS = ['STT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Tổ chức, cá nhân', 'Ngày nhận hồ sơ', 'Ngày hẹn trả', 'Ngày trả kết quả', 'Cách thức nhận kết quả', 'Tình trạng'];

async function* registerLines(dossiers: AsyncIterable<Dossier>): AsyncGenerator<(string | number)[]> {
  let number = 0;
  for await (const dossier of dossiers) {
    yield [
      ++number,
      dossier.code,
      dossier.procedureName,
      dossier.applicant.fullName,
      at(dossier.receivedAt),
      at(currentAppointment(dossier)),
      at(dossier.returnedAt),
      dossier.returnMethod ? RETURN_METHOD_LABEL[dossier.returnMethod] : '',
      STATUS_LABEL[dossier.status],
    ];
  }
}
